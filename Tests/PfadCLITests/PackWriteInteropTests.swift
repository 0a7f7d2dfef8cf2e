import PfadTestSupport
import Foundation
import Testing

/// `pfad gc` / `pfad repack -a -d` checked by real git: `git fsck --strict`,
/// `git verify-pack -v`, every object read back by `git cat-file --batch`
/// identical to before, and `packed-refs` identical to `git pack-refs --all`.
@Suite struct PackWriteInteropTests {
    /// A guide-like history with loose objects only: `revisions` commits of
    /// small edits to a few German Markdown files, a branch, an annotated and a
    /// lightweight tag, a staged-only blob and an unreachable blob.
    private func makeHistory(_ runner: CommandRunner, format: String, revisions: Int) throws -> URL {
        let root = try TempDir.make(prefix: "packwrite").appendingPathComponent("repo")
        try runner.git(["init", "-q", "-b", "main", "--object-format=\(format)", root.path], in: root.deletingLastPathComponent())
        var rng = SeededGenerator(seed: 2026)
        let files = ["Leitfäden/Arnsberg/Beteiligung.md", "Leitfäden/Olpe/Radwege.md", "Leitfäden/Soest/Übersicht.md", "README.md"]
        var contents = files.map { _ in Fixtures.randomText(lines: 60, using: &rng) }
        var stream = ""
        func data(_ text: String) { stream += "data \(text.utf8.count)\n\(text)\n" }
        for revision in 0..<revisions {
            if revision == revisions - 3 { stream += "commit refs/heads/entwurf\n" } else { stream += "commit refs/heads/main\n" }
            stream += "committer Jörg Müller <joerg@soest.example> \(1_700_000_000 + revision * 600) +0100\n"
            data("Überarbeitung \(revision)\n")
            if revision == revisions - 3 { stream += "from refs/heads/main\n" }
            let count = revision == 0 ? files.count : 1 + revision % 2
            for k in 0..<count {
                let f = revision == 0 ? k : (revision * 7 + k) % files.count
                var lines = contents[f].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let at = Int.random(in: 0..<lines.count, using: &rng)
                lines.insert(Fixtures.randomText(lines: 1, using: &rng).trimmingCharacters(in: .newlines), at: at)
                contents[f] = lines.joined(separator: "\n")
                stream += "M 100644 inline \(files[f])\n"
                data(contents[f])
            }
        }
        stream += "tag v1.0\nfrom refs/heads/main\ntagger Anna Schäfer <anna@arnsberg.example> 1700100000 +0100\n"
        data("Veröffentlichung 1.0\n")
        try runner.git(["fast-import", "--quiet"], in: root, stdin: Array(stream.utf8)).expectSuccess()
        // Turn fast-import's pack into loose objects.
        let packDir = root.appendingPathComponent(".git/objects/pack")
        for name in try FileManager.default.contentsOfDirectory(atPath: packDir.path) where name.hasSuffix(".pack") {
            let moved = root.deletingLastPathComponent().appendingPathComponent("import.pack")
            try FileManager.default.moveItem(at: packDir.appendingPathComponent(name), to: moved)
            try runner.git(["unpack-objects", "-q"], in: root, stdin: Array(try Data(contentsOf: moved))).expectSuccess()
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: packDir.path) {
            try FileManager.default.removeItem(at: packDir.appendingPathComponent(name))
        }
        try runner.git(["tag", "leicht", "main~2"], in: root).expectSuccess()
        try runner.git(["reset", "-q", "--hard", "main"], in: root).expectSuccess()
        try Fixtures.write(root, "nur-im-index.md", "Nur im Index\n")
        try runner.git(["add", "nur-im-index.md"], in: root).expectSuccess()
        try runner.git(["hash-object", "-w", "--stdin"], in: root, stdin: Array("unerreichbar\n".utf8)).expectSuccess()
        return root
    }

    private func allObjects(_ runner: CommandRunner, _ root: URL) throws -> [UInt8] {
        let result = try runner.git(["cat-file", "--batch", "--batch-all-objects"], in: root)
        #expect(result.status == 0, "\(result.err)")
        return result.stdout
    }

    @Test(arguments: ["sha1", "sha256"])
    func gcWritesAPackGitAccepts(format: String) throws {
        let runner = try CommandRunner()
        let root = try makeHistory(runner, format: format, revisions: 40)
        let before = try allObjects(runner, root)
        // git's own ref packing on a copy, for comparison.
        let copy = root.deletingLastPathComponent().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: root, to: copy)
        try runner.git(["pack-refs", "--all"], in: copy).expectSuccess()

        let gc = try runner.pfad(["gc", "-q"], in: root)
        #expect(gc.status == 0, "\(gc.err)")
        #expect(gc.stdout.isEmpty)

        let fsck = try runner.git(["fsck", "--strict", "--no-dangling"], in: root)
        #expect(fsck.status == 0, "\(fsck.err)")
        let packDir = root.appendingPathComponent(".git/objects/pack")
        let packs = try FileManager.default.contentsOfDirectory(atPath: packDir.path).filter { $0.hasSuffix(".idx") }
        #expect(packs.count == 1)
        let verify = try runner.git(["verify-pack", "-v", ".git/objects/pack/" + (packs.first ?? "")], in: root)
        #expect(verify.status == 0, "\(verify.err)")
        // Small edits must become deltas: git lists chain lengths only for deltified objects.
        #expect(verify.out.contains("chain length = 1:"), "\(verify.out.suffix(400))")
        #expect(try allObjects(runner, root) == before)

        // Only the unreachable blob stays loose; packed-refs as git writes it.
        let count = try runner.git(["count-objects", "-v"], in: root)
        #expect(count.out.contains("count: 1\n"), "\(count.out)")
        let ours = try Data(contentsOf: root.appendingPathComponent(".git/packed-refs"))
        let theirs = try Data(contentsOf: copy.appendingPathComponent(".git/packed-refs"))
        #expect(ours == theirs)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".git/refs/heads/main").path))
        #expect(try runner.git(["rev-parse", "v1.0^{}", "leicht", "entwurf"], in: root).out
            == runner.git(["rev-parse", "v1.0^{}", "leicht", "entwurf"], in: copy).out)
    }

    @Test func secondGcKeepsUnreachablePackedObjects() throws {
        let runner = try CommandRunner()
        let root = try makeHistory(runner, format: "sha1", revisions: 12)
        #expect(try runner.pfad(["gc", "-q"], in: root).status == 0)
        // New loose history on top of the pack, and a branch whose commit becomes unreachable.
        try Fixtures.write(root, "Leitfäden/Menden.md", "# Menden\n\nNeu.\n")
        try runner.git(["add", "-A"], in: root).expectSuccess()
        try runner.git(["commit", "-q", "-m", "Menden"], in: root).expectSuccess()
        try runner.git(["branch", "-D", "entwurf"], in: root).expectSuccess()
        try runner.git(["reflog", "expire", "--expire=now", "--all"], in: root).expectSuccess()
        let before = try allObjects(runner, root)
        let gc = try runner.pfad(["gc"], in: root)
        #expect(gc.status == 0, "\(gc.err)")
        #expect(try allObjects(runner, root) == before)
        let packs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".git/objects/pack").path)
        #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1, "\(packs)")
        let fsck = try runner.git(["fsck", "--strict"], in: root)
        #expect(fsck.status == 0, "\(fsck.err)")
        #expect(fsck.out.contains("dangling commit"), "\(fsck.out)")
        #expect(try runner.git(["count-objects", "-v"], in: root).out.contains("count: 1\n"))
    }

    @Test func missingReachableObjectStopsGcBeforeAnythingIsDeleted() throws {
        let runner = try CommandRunner()
        let root = try makeHistory(runner, format: "sha1", revisions: 4)
        let blob = try runner.git(["rev-parse", "main:README.md"], in: root).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let hex = Array(blob)
        let file = root.appendingPathComponent(".git/objects/\(String(hex[0..<2]))/\(String(hex[2...]))")
        try FileManager.default.removeItem(at: file)
        let before = try runner.git(["count-objects", "-v"], in: root).out
        let gc = try runner.pfad(["gc", "-q"], in: root)
        #expect(gc.status == 128)
        #expect(gc.err.hasPrefix("fatal: ") && gc.err.contains(blob), "\(gc.err)")
        #expect(try runner.git(["count-objects", "-v"], in: root).out == before)
    }

    @Test func repackNeedsAllAndKeepsLooseWithoutD() throws {
        let runner = try CommandRunner()
        let root = try makeHistory(runner, format: "sha1", revisions: 8)
        let usage = try runner.pfad(["repack"], in: root)
        #expect(usage.status == 129)
        // Few loose objects: `gc --auto` does nothing, as git's (which also packs nothing here).
        #expect(try runner.pfad(["gc", "--auto"], in: root).status == 0)
        #expect(try runner.git(["count-objects", "-v"], in: root).out.contains("packs: 0\n"))
        let before = try runner.git(["count-objects", "-v"], in: root)
        let repack = try runner.pfad(["repack", "-a", "--window", "5", "--depth", "3"], in: root)
        #expect(repack.status == 0, "\(repack.err)")
        // Without -d the loose objects stay; the pack holds the reachable ones.
        let after = try runner.git(["count-objects", "-v"], in: root)
        #expect(after.out.split(separator: "\n").first == before.out.split(separator: "\n").first)
        #expect(after.out.contains("packs: 1\n"))
        let fsck = try runner.git(["fsck", "--strict", "--no-dangling"], in: root)
        #expect(fsck.status == 0, "\(fsck.err)")
        let verify = try runner.git(["verify-pack", "-v"] + (try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".git/objects/pack").path)
            .filter { $0.hasSuffix(".idx") }.map { ".git/objects/pack/" + $0 }), in: root)
        #expect(verify.status == 0, "\(verify.err)")
        // Depth 3: no chain longer than 3.
        #expect(!verify.out.contains("chain length = 4:"))
    }
}

fileprivate extension ProcessResult {
    /// Fails the test with the tool's message unless it exited 0.
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(err)", sourceLocation: sourceLocation)
    }
}
