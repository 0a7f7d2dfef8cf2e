import Foundation
import Testing

/// Real `git push` of hostile `.gitmodules` into `pfad receive-pack` and,
/// as the oracle, into `git receive-pack` with `receive.fsckObjects=true`:
/// both must refuse, and leave the target's refs alone.
@Suite(.serialized) struct ReceiveFsckInteropTests {
    private let runner: CommandRunner
    private let base: URL

    init() throws {
        runner = try CommandRunner()
        base = try TempDir.make(prefix: "receive-fsck")
    }

    /// git, killed after 60 s.
    @discardableResult
    private func git(_ args: [String], in dir: URL, stdin: [UInt8] = []) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.gitPath] + args, in: dir, stdin: stdin)
    }

    private func id(_ result: ProcessResult) -> String {
        #expect(result.status == 0, "\(result.err)")
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A work repository with one ordinary commit, and two bare targets: one
    /// for pfad, one for git with `receive.fsckObjects=true`.
    private func setUp(_ name: String) throws -> (work: URL, pfadTarget: URL, gitTarget: URL) {
        let work = base.appendingPathComponent("\(name)-work")
        let pfadTarget = base.appendingPathComponent("\(name)-pfad.git")
        let gitTarget = base.appendingPathComponent("\(name)-git.git")
        _ = id(try git(["init", "-q", "-b", "main", work.path], in: base))
        _ = id(try git(["init", "-q", "--bare", pfadTarget.path], in: base))
        _ = id(try git(["init", "-q", "--bare", gitTarget.path], in: base))
        _ = id(try git(["config", "receive.fsckObjects", "true"], in: gitTarget))
        try Fixtures.write(work, "weg.txt", "Rothaarsteig\n")
        _ = id(try git(["add", "-A"], in: work))
        _ = id(try git(["commit", "-q", "-m", "Anfang"], in: work))
        let pushed = try git(["push", "--receive-pack=\(CommandRunner.pfadPath) receive-pack", pfadTarget.path, "main"], in: work)
        #expect(pushed.status == 0, "\(pushed.err)")
        _ = id(try git(["push", gitTarget.path, "main"], in: work))
        return (work, pfadTarget, gitTarget)
    }

    /// Commits a tree holding `entry` (a `git mktree` line) on top of main.
    private func hostileCommit(_ entry: String, in work: URL) throws -> String {
        let base = id(try git(["rev-parse", "HEAD^{tree}"], in: work))
        let listing = id(try git(["ls-tree", base], in: work))
        let tree = id(try git(["mktree"], in: work, stdin: Array((listing + "\n" + entry + "\n").utf8)))
        return id(try git(["commit-tree", "-p", "HEAD", "-m", "bösartig", tree], in: work))
    }

    private func refs(_ repo: URL) throws -> String {
        try git(["for-each-ref", "--format=%(objectname) %(refname)"], in: repo).out
    }

    private func expectBothRefuse(_ commit: String, _ work: URL, _ pfadTarget: URL, _ gitTarget: URL, message: String) throws {
        let refspec = "\(commit):refs/heads/main"
        let before = (try refs(pfadTarget), try refs(gitTarget))
        let oracle = try git(["push", gitTarget.path, refspec], in: work)
        #expect(oracle.status != 0, "git accepted: \(oracle.err)")
        #expect(oracle.err.contains(message), "\(oracle.err)")
        let pushed = try git(["push", "--receive-pack=\(CommandRunner.pfadPath) receive-pack", pfadTarget.path, refspec], in: work)
        #expect(pushed.status != 0, "pfad accepted: \(pushed.err)")
        #expect(pushed.err.contains(message), "\(pushed.err)")
        #expect(pushed.err.contains("! [remote rejected]") && pushed.err.contains("(unpacker error)"), "\(pushed.err)")
        #expect(try refs(pfadTarget) == before.0)
        #expect(try refs(gitTarget) == before.1)
    }

    @Test func refusesASymlinkedGitmodules() throws {
        let (work, pfadTarget, gitTarget) = try setUp("symlink")
        let target = id(try git(["hash-object", "-w", "--stdin"], in: work, stdin: Array("../../.git/config".utf8)))
        let commit = try hostileCommit("120000 blob \(target)\t.gitmodules", in: work)
        try expectBothRefuse(commit, work, pfadTarget, gitTarget, message: "gitmodulesSymlink: .gitmodules is a symbolic link")
    }

    @Test func refusesASubmoduleURLThatIsAnOption() throws {
        let (work, pfadTarget, gitTarget) = try setUp("url")
        let text = "[submodule \"x\"]\n\tpath = x\n\turl = --upload-pack=touch /tmp/pwn\n"
        let modules = id(try git(["hash-object", "-w", "--stdin"], in: work, stdin: Array(text.utf8)))
        let commit = try hostileCommit("100644 blob \(modules)\t.gitmodules", in: work)
        try expectBothRefuse(commit, work, pfadTarget, gitTarget, message: "gitmodulesUrl: disallowed submodule url: --upload-pack=touch /tmp/pwn")
    }

    @Test func acceptsASymlinkedGitignoreLikeGit() throws {
        let (work, pfadTarget, gitTarget) = try setUp("gitignore")
        let target = id(try git(["hash-object", "-w", "--stdin"], in: work, stdin: Array("../elsewhere".utf8)))
        let commit = try hostileCommit("120000 blob \(target)\t.gitignore", in: work)
        let oracle = try git(["push", gitTarget.path, "\(commit):refs/heads/main"], in: work)
        #expect(oracle.status == 0, "\(oracle.err)")
        let pushed = try git(["push", "--receive-pack=\(CommandRunner.pfadPath) receive-pack", pfadTarget.path, "\(commit):refs/heads/main"], in: work)
        #expect(pushed.status == 0, "\(pushed.err)")
        #expect(try refs(pfadTarget) == refs(gitTarget))
    }
}
