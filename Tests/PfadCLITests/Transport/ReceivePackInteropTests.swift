import Foundation
import Testing

/// Real `git push --receive-pack='<pfad> receive-pack'` into bare
/// repositories; after every push `git fsck --strict` passes on the pfad
/// side and `git ls-remote` there equals the pusher's refs. Refusals are
/// read from real git's own output. Every git process is bounded by
/// `timeout`.
@Suite(.serialized) struct ReceivePackInteropTests {
    private let runner: CommandRunner
    private let base: URL

    init() throws {
        runner = try CommandRunner()
        base = try TempDir.make(prefix: "receive-interop")
    }

    /// git, killed after 60 s.
    @discardableResult
    private func git(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.gitPath] + args, in: dir, env: env)
    }

    private var receivePack: String { "--receive-pack=\(CommandRunner.pfadPath) receive-pack" }

    /// A work repository with a little history and an empty bare target.
    private func setUp(_ name: String, format: String = "sha1") throws -> (work: URL, target: URL) {
        let work = base.appendingPathComponent("\(name)-work")
        let target = base.appendingPathComponent("\(name).git")
        try git(["init", "-q", "-b", "main", "--object-format=\(format)", work.path], in: base).succeeds()
        try git(["init", "-q", "--bare", "--object-format=\(format)", target.path], in: base).succeeds()
        try Fixtures.write(work, "Leitfäden/Arnsberg/Wanderwege.md", Self.longGuide(changedLine: nil))
        for step in 0..<3 {
            try Fixtures.write(work, "Leitfäden/Menden/Radweg.md", "# Radweg\n\nEtappe \(step)\n")
            try Fixtures.write(work, "Leitfäden/Olpe/Biggesee-\(step).md", "Rundweg \(step)\n")
            try git(["add", "-A"], in: work).succeeds()
            try git(["commit", "-q", "-m", "Etappe \(step)"], in: work).succeeds()
        }
        return (work, target)
    }

    /// 2,000 lines of a guide; `changedLine` differs.
    private static func longGuide(changedLine: Int?) -> String {
        (1...2000).map { $0 == changedLine ? "\($0) Etappe geändert\n" : "\($0) Etappe über den Kamm\n" }.joined()
    }

    private func refs(_ repo: URL) throws -> String {
        let result = try git(["for-each-ref", "--format=%(objectname) %(refname)"], in: repo)
        #expect(result.status == 0)
        return result.out
    }

    /// `git ls-remote` of the target (refs only) equals the work repository's
    /// local branches and tags; `git fsck --strict` passes in the target.
    private func expectInSync(_ work: URL, _ target: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try git(["fsck", "--strict", "--no-dangling"], in: target)
        #expect(fsck.status == 0, "fsck: \(fsck.out)\(fsck.err)", sourceLocation: sourceLocation)
        let remote = try git(["ls-remote", "--refs", target.path], in: work)
        let local = try git(["for-each-ref", "--format=%(objectname)\t%(refname)", "refs/heads", "refs/tags"], in: work)
        #expect(remote.out == local.out, sourceLocation: sourceLocation)
    }

    @Test func pushesBranchesTagsForcedUpdatesDeletesAndAtomic() throws {
        let (work, target) = try setUp("push")
        // New branch (several refs in one push: branch + tags).
        try git(["tag", "v1"], in: work).succeeds()
        try git(["tag", "-a", "-m", "Ausgabe 1", "v1-annotated"], in: work).succeeds()
        let first = try git(["push", receivePack, target.path, "main", "--tags"], in: work)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("* [new branch]      main -> main"))
        try expectInSync(work, target)

        // Fast-forward, and a second branch. One changed line in a long
        // file: git sends a thin pack (a delta against the server's blob).
        try Fixtures.write(work, "Leitfäden/Soest/Altstadt.md", "Altstadtrundgang\n")
        try Fixtures.write(work, "Leitfäden/Arnsberg/Wanderwege.md", Self.longGuide(changedLine: 1000))
        try git(["add", "-A"], in: work).succeeds()
        try git(["commit", "-q", "-m", "Soest"], in: work).succeeds()
        try git(["branch", "arnsberg/entwurf", "HEAD~1"], in: work).succeeds()
        let second = try git(["push", receivePack, target.path, "main", "arnsberg/entwurf"], in: work)
        #expect(second.status == 0, "\(second.err)")
        try expectInSync(work, target)

        // Forced (non-fast-forward) update.
        try git(["commit", "-q", "--amend", "-m", "Soest, überarbeitet"], in: work).succeeds()
        let forced = try git(["push", "--force", receivePack, target.path, "main"], in: work)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(forced.err.contains("(forced update)"))
        try expectInSync(work, target)

        // Delete (a packed ref: packed-refs is rewritten under its lock).
        try git(["pack-refs", "--all"], in: target).succeeds()
        let deleted = try git(["push", receivePack, target.path, "--delete", "arnsberg/entwurf"], in: work)
        #expect(deleted.status == 0, "\(deleted.err)")
        #expect(deleted.err.contains("[deleted]"))
        try git(["branch", "-D", "arnsberg/entwurf"], in: work).succeeds()
        try expectInSync(work, target)

        // Atomic, several refs.
        try git(["branch", "olpe/a"], in: work).succeeds()
        try git(["branch", "olpe/b", "HEAD~2"], in: work).succeeds()
        let atomic = try git(["push", "--atomic", receivePack, target.path, "olpe/a", "olpe/b"], in: work)
        #expect(atomic.status == 0, "\(atomic.err)")
        try expectInSync(work, target)

        // Nothing new: "Everything up-to-date".
        let again = try git(["push", receivePack, target.path, "main"], in: work)
        #expect(again.status == 0)
        #expect(again.err.contains("Everything up-to-date"))
    }

    @Test func pushesIntoSHA256Repository() throws {
        let (work, target) = try setUp("sha256", format: "sha256")
        let pushed = try git(["push", receivePack, target.path, "main"], in: work)
        #expect(pushed.status == 0, "\(pushed.err)")
        try expectInSync(work, target)
    }

    @Test func refusesToUpdateTheCheckedOutBranchOfAWorkTree() throws {
        let (work, _) = try setUp("worktree")
        let other = base.appendingPathComponent("worktree-other")
        try git(["clone", "-q", work.path, other.path], in: base).succeeds()
        try git(["commit", "-q", "--allow-empty", "-m", "Nachtrag"], in: other).succeeds()
        let before = try refs(work)
        let pushed = try git(["push", receivePack, "origin", "main"], in: other)
        #expect(pushed.status != 0)
        // git 2.39 with its default receive.denyCurrentBranch=refuse prints the same line.
        #expect(pushed.err.contains("! [remote rejected] main -> main (branch is currently checked out)"), "\(pushed.err)")
        #expect(try refs(work) == before)
        // Another branch is fine.
        let side = try git(["push", receivePack, "origin", "main:refs/heads/nachtrag"], in: other)
        #expect(side.status == 0, "\(side.err)")
        let fsck = try git(["fsck", "--strict"], in: work)
        #expect(fsck.status == 0, "\(fsck.err)")
    }

    @Test func refusalsAreReportedThroughGit() throws {
        let (work, target) = try setUp("refuse")
        try git(["push", receivePack, target.path, "main"], in: work).succeeds()
        try git(["config", "receive.denyNonFastForwards", "true"], in: target).succeeds()
        try git(["config", "receive.denyDeletes", "true"], in: target).succeeds()
        let before = try refs(target)

        // Non-fast-forward, forced, refused by the server.
        try git(["commit", "-q", "--amend", "-m", "umgeschrieben"], in: work).succeeds()
        let nonFF = try git(["push", "--force", receivePack, target.path, "main"], in: work)
        #expect(nonFF.status != 0)
        #expect(nonFF.err.contains("! [remote rejected] main -> main (non-fast-forward)"), "\(nonFF.err)")
        // Without --force git refuses by itself.
        let plain = try git(["push", receivePack, target.path, "main"], in: work)
        #expect(plain.status != 0)
        #expect(plain.err.contains("! [rejected]        main -> main (non-fast-forward)") || plain.err.contains("(fetch first)"), "\(plain.err)")
        #expect(try refs(target) == before)

        // receive.denyDeletes.
        let delete = try git(["push", receivePack, target.path, "--delete", "main"], in: work)
        #expect(delete.status != 0)
        #expect(delete.err.contains("! [remote rejected] main (deletion prohibited)"), "\(delete.err)")
        #expect(try refs(target) == before)

        // A tree with a `.git` entry, made with git mktree.
        let blob = try git(["hash-object", "-w", "--stdin"], in: work).out  // empty blob
        let treeInput = "100644 blob \(blob.trimmingCharacters(in: .whitespacesAndNewlines))\t.git\n"
        let tree = try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.gitPath, "mktree"], in: work, stdin: Array(treeInput.utf8))
        #expect(tree.status == 0, "\(tree.err)")
        let commit = try git(["commit-tree", "-m", "bösartig", tree.out.trimmingCharacters(in: .whitespacesAndNewlines)], in: work)
        #expect(commit.status == 0)
        let evil = try git(["push", receivePack, target.path, commit.out.trimmingCharacters(in: .whitespacesAndNewlines) + ":refs/heads/evil"], in: work)
        #expect(evil.status != 0)
        #expect(evil.err.contains("hasDotgit: contains '.git'"), "\(evil.err)")
        #expect(evil.err.contains("! [remote rejected]") && evil.err.contains("(unpacker error)"), "\(evil.err)")
        #expect(try refs(target) == before)
        let objects = try git(["count-objects", "-v"], in: target)
        #expect(!objects.out.contains("incoming"))

        // receive.maxInputSize: git 2.39 reports "(unpacker error)" the same way.
        try git(["config", "receive.maxInputSize", "200"], in: target).succeeds()
        try Fixtures.write(work, "Leitfäden/Bad Berleburg/Groß.md", String(repeating: "Rothaarsteig, Etappe \(UUID().uuidString)\n", count: 50))
        try git(["add", "-A"], in: work).succeeds()
        try git(["commit", "-q", "-m", "groß"], in: work).succeeds()
        let large = try git(["push", receivePack, target.path, "HEAD:refs/heads/gross"], in: work)
        #expect(large.status != 0)
        #expect(large.err.contains("remote unpack failed: pack exceeds maximum allowed size (200 bytes)"), "\(large.err)")
        #expect(large.err.contains("(unpacker error)"), "\(large.err)")
        #expect(try refs(target) == before)
        try git(["config", "--unset", "receive.maxInputSize"], in: target).succeeds()

        // Atomic: one refused ref refuses all.
        try git(["branch", "neu"], in: work).succeeds()
        let atomic = try git(["push", "--atomic", "--force", receivePack, target.path, "main", "neu"], in: work)
        #expect(atomic.status != 0)
        #expect(atomic.err.contains("main -> main (non-fast-forward)"), "\(atomic.err)")
        #expect(atomic.err.contains("neu -> neu (atomic push failure)"), "\(atomic.err)")
        #expect(try refs(target) == before)
        let fsck = try git(["fsck", "--strict"], in: target)
        #expect(fsck.status == 0, "\(fsck.err)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("objects").path)
        #expect(!leftovers.contains { $0.hasPrefix("incoming-") })
    }
}

extension ProcessResult {
    /// Expects exit status 0 (the message shows standard error).
    fileprivate func succeeds(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(err)", sourceLocation: sourceLocation)
    }
}
