import PfadTestSupport
import Foundation
import Testing

/// Packs written by git read back through pfad exactly as git reads them;
/// pfad's `index-pack`, `verify-pack` and `count-objects` print what git does.
@Suite struct PackReadInteropTests {
    /// A `git fast-import` stream: `commits` commits on `main`, each changing
    /// a few of eight guide files (so `gc --aggressive` builds delta chains).
    static func history(commits: Int, seed: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        var files = (0..<8).map { _ in Fixtures.randomText(lines: 60, using: &rng) }
        var out: [UInt8] = []
        func data(_ text: String) {
            out += Array("data \(text.utf8.count)\n".utf8) + Array(text.utf8) + [0x0A]
        }
        for n in 1...commits {
            out += Array("commit refs/heads/main\nmark :\(n)\ncommitter Anna <anna@arnsberg.example> \(1_700_000_000 + n * 60) +0100\n".utf8)
            data("Leitfaden Stand \(n)")
            if n > 1 { out += Array("from :\(n - 1)\n".utf8) }
            for _ in 0..<3 {
                let f = Int.random(in: 0..<files.count, using: &rng)
                var lines = files[f].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let at = Int.random(in: 0..<lines.count, using: &rng)
                lines.insert(Fixtures.randomText(lines: 2, using: &rng).trimmingCharacters(in: .newlines), at: at)
                files[f] = lines.joined(separator: "\n")
                out += Array("M 100644 inline Leitfäden/Kapitel \(f).md\n".utf8)
                data(files[f])
            }
        }
        return out
    }

    /// A repository of `commits` commits packed by `git gc --aggressive`, one
    /// annotated tag, plus one loose blob.
    static func packedRepository(_ runner: CommandRunner, format: String, commits: Int = 60) throws -> URL {
        let repo = try TempDir.make(prefix: "packread")
        try runner.git(["init", "-q", "--object-format=\(format)", "-b", "main"], in: repo)
        let imported = try runner.git(["fast-import", "--quiet"], in: repo, stdin: history(commits: commits, seed: 7))
        #expect(imported.status == 0, "\(imported.err)")
        try runner.git(["tag", "-a", "v1", "-m", "Freigabe", "main~3"], in: repo)
        try runner.git(["gc", "-q", "--aggressive"], in: repo)
        try runner.git(["hash-object", "-w", "--stdin"], in: repo, stdin: Array("lose Notiz aus Olpe\n".utf8))
        return repo
    }

    @Test(arguments: ["sha1", "sha256"])
    func aggressivelyPackedRepositoryReadsIdentically(format: String) throws {
        let runner = try CommandRunner()
        let repo = try Self.packedRepository(runner, format: format)
        defer { try? FileManager.default.removeItem(at: repo) }
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: repo.path + "/.git/objects/pack").first { $0.hasSuffix(".idx") })
        let idx = ".git/objects/pack/" + pack
        let verify = try runner.git(["verify-pack", "-s", idx], in: repo)
        #expect(verify.out.contains("chain length = 3"), "expected deep chains: \(verify.out)")
        let commands: [[String]] = [
            ["cat-file", "--batch", "--batch-all-objects"],
            ["cat-file", "--batch-check", "--batch-all-objects"],
            ["rev-parse", "--short", "main~7"],
            ["rev-parse", "--short", "v1"],
            ["cat-file", "-p", "main~5:Leitfäden/Kapitel 3.md"],
            ["count-objects", "-v"],
            ["count-objects"],
            ["verify-pack", "-v", idx],
            ["verify-pack", "-s", idx],
            ["verify-pack", idx],
        ]
        for args in commands {
            let expected = try runner.git(args, in: repo)
            let actual = try runner.pfad(args, in: repo)
            #expect(actual.status == expected.status, "\(args): \(actual.err)")
            #expect(actual.stdout == expected.stdout, "\(args)\n--- pfad\n\(actual.out.prefix(2000))\n--- git\n\(expected.out.prefix(2000))")
        }
        let fsck = try runner.pfad(["fsck"], in: repo)
        #expect(fsck.status == 0, "\(fsck.err)")
    }

    @Test func indexPackMatchesGitsIndexByteForByte() throws {
        let runner = try CommandRunner()
        let repo = try Self.packedRepository(runner, format: "sha1", commits: 30)
        defer { try? FileManager.default.removeItem(at: repo) }
        let packDir = repo.path + "/.git/objects/pack/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: packDir).first { $0.hasSuffix(".pack") })
        let work = try TempDir.make(prefix: "indexpack")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(atPath: packDir + name, toPath: work.path + "/g.pack")
        try FileManager.default.copyItem(atPath: packDir + name, toPath: work.path + "/p.pack")
        for options in [[], ["--index-version=1"], ["--index-version=2,0x200"]] {
            let expected = try runner.git(["index-pack"] + options + ["-o", "g.idx", "g.pack"], in: work)
            let actual = try runner.pfad(["index-pack"] + options + ["-o", "p.idx", "p.pack"], in: work)
            #expect(actual.status == 0, "\(options): \(actual.err)")
            #expect(actual.out == expected.out)
            let g = try Data(contentsOf: work.appendingPathComponent("g.idx"))
            let p = try Data(contentsOf: work.appendingPathComponent("p.idx"))
            #expect(g == p, "\(options): idx differs")
            try? FileManager.default.removeItem(atPath: work.path + "/g.idx")
            try? FileManager.default.removeItem(atPath: work.path + "/p.idx")
        }

        // --stdin stores the pack in an empty repository; git then reads it.
        let target = work.appendingPathComponent("leer")
        try runner.git(["init", "-q", target.path], in: work)
        let packBytes = Array(try Data(contentsOf: work.appendingPathComponent("p.pack")))
        let stored = try runner.pfad(["index-pack", "--stdin"], in: target, stdin: packBytes)
        let expected = try runner.git(["index-pack", "--stdin"], in: repo, stdin: packBytes)
        #expect(stored.status == 0, "\(stored.err)")
        #expect(stored.out == expected.out)
        // Every object of the pack (as git's own index lists it) is now in the new repository.
        let listed = try runner.git(["show-index"], in: repo, stdin: Array(try Data(contentsOf: URL(fileURLWithPath: packDir + name.dropLast(5) + ".idx"))))
        let packIDs = listed.out.split(separator: "\n").map { $0.split(separator: " ")[1] }.sorted()
        let inTarget = try runner.git(["cat-file", "--batch-all-objects", "--batch-check=%(objectname)"], in: target).out.split(separator: "\n")
        #expect(!packIDs.isEmpty && inTarget == packIDs)
        #expect(try runner.git(["fsck", "--strict"], in: target).status == 0)
    }

    @Test func thinPackIsCompletedFromTheRepository() throws {
        let runner = try CommandRunner()
        let repo = try Self.packedRepository(runner, format: "sha1", commits: 20)
        defer { try? FileManager.default.removeItem(at: repo) }
        try runner.git(["branch", "alt", "main~4"], in: repo)
        let receiver = try TempDir.make(prefix: "thin")
        defer { try? FileManager.default.removeItem(at: receiver) }
        try runner.git(["init", "-q", "-b", "main"], in: receiver)
        #expect(try runner.git(["fetch", "-q", repo.path, "alt:refs/heads/alt"], in: receiver).status == 0)
        let thin = try runner.git(["pack-objects", "--revs", "--thin", "--stdout"], in: repo, stdin: Array("main\n^alt\n".utf8))
        #expect(thin.status == 0)
        let withoutFix = try runner.pfad(["index-pack", "--stdin"], in: receiver, stdin: thin.stdout)
        #expect(withoutFix.status == 128 && withoutFix.err.contains("unresolved delta"), "\(withoutFix.err)")
        let fixed = try runner.pfad(["index-pack", "--stdin", "--fix-thin"], in: receiver, stdin: thin.stdout)
        #expect(fixed.status == 0, "\(fixed.err)")
        let head = try runner.git(["rev-parse", "main"], in: repo).out.trimmingCharacters(in: .newlines)
        try runner.git(["update-ref", "refs/heads/main", head], in: receiver)
        #expect(try runner.git(["fsck", "--strict"], in: receiver).status == 0)
        // The completed pack beside the fetched (loose) objects reads like git; garbage is counted like git.
        try Fixtures.write(receiver, ".git/objects/pack/notiz.txt", "kein Pack\n")
        try Fixtures.write(receiver, ".git/objects/ab/kein-objekt", "x\n")
        for args in [["cat-file", "--batch", "--batch-all-objects"], ["count-objects", "-v"], ["count-objects", "-vH"]] {
            let expected = try runner.git(args, in: receiver)
            let actual = try runner.pfad(args, in: receiver)
            #expect(actual.status == expected.status && actual.stdout == expected.stdout, "\(args)\n\(actual.out)\n\(expected.out)")
            #expect(actual.err == expected.err, "\(args)")
        }
        let packs = try FileManager.default.contentsOfDirectory(atPath: receiver.path + "/.git/objects/pack").filter { $0.hasSuffix(".idx") }
        for idx in packs {
            let verify = try runner.git(["verify-pack", ".git/objects/pack/" + idx], in: receiver)
            #expect(verify.status == 0, "\(verify.err)")
        }
    }

    @Test func damagedPacksGiveErrorsNamingPackAndOffset() throws {
        let runner = try CommandRunner()
        let repo = try Self.packedRepository(runner, format: "sha1", commits: 10)
        defer { try? FileManager.default.removeItem(at: repo) }
        let packDir = repo.path + "/.git/objects/pack/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: packDir).first { $0.hasSuffix(".pack") })
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: packDir + name)))
        let work = try TempDir.make(prefix: "damaged")
        defer { try? FileManager.default.removeItem(at: work) }
        var flipped = original
        flipped[original.count / 2] ^= 0x10
        let cases: [(String, [UInt8])] = [
            ("truncated", Array(original.prefix(original.count * 2 / 3))),
            ("flipped", flipped),
            ("count", Array(original.prefix(8)) + [0x7F, 0xFF, 0xFF, 0xFF] + Array(original.dropFirst(12))),
        ]
        for (label, bytes) in cases {
            try Data(bytes).write(to: work.appendingPathComponent("\(label).pack"))
            let result = try runner.pfad(["index-pack", "\(label).pack"], in: work)
            #expect(result.status == 128, "\(label): \(result.status) \(result.err)")
            #expect(result.err.hasPrefix("fatal: ") && result.err.contains("\(label).pack"), "\(label): \(result.err)")
        }
        // The same flipped byte inside the repository: reads fail cleanly, fsck reports it.
        let packPath = packDir + name
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: packPath)
        try Data(flipped).write(to: URL(fileURLWithPath: packPath))
        let batch = try runner.pfad(["cat-file", "--batch", "--batch-all-objects"], in: repo)
        #expect(batch.status != 0 && batch.status < 129, "\(batch.status)")
        let fsck = try runner.pfad(["fsck"], in: repo)
        #expect(fsck.status != 0 && fsck.out.contains("pack checksum mismatch") || fsck.err.contains("pack checksum mismatch"), "\(fsck.out)\(fsck.err)")
    }

    /// A pack cut short inside the repository is detected when it is opened
    /// (object count and trailing checksum against the index, as git does):
    /// nothing is served from it — reads fail as git's do, naming the pack —
    /// and `fsck` says "does not match index".
    @Test func truncatedPackIsRefusedWhenOpened() throws {
        let runner = try CommandRunner()
        let repo = try Self.packedRepository(runner, format: "sha1", commits: 10)
        defer { try? FileManager.default.removeItem(at: repo) }
        let packDir = repo.path + "/.git/objects/pack/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: packDir).first { $0.hasSuffix(".pack") })
        let packPath = packDir + name
        let original = try Data(contentsOf: URL(fileURLWithPath: packPath))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: packPath)
        try original.prefix(original.count - 100).write(to: URL(fileURLWithPath: packPath))
        for args in [["cat-file", "-p", "HEAD"], ["log", "--format=%H"], ["rev-parse", "HEAD^{tree}"]] {
            let git = try runner.git(args, in: repo)
            let pfad = try runner.pfad(args, in: repo)
            #expect(git.status != 0, "\(args)")
            #expect(pfad.status == 128, "\(args): \(pfad.status)")
            #expect(pfad.out.isEmpty, "\(args): nothing may be served from the damaged pack")
            #expect(pfad.err.contains("\(name): does not match index"), "\(args): \(pfad.err)")
        }
        let fsck = try runner.pfad(["fsck"], in: repo)
        #expect(fsck.status != 0)
        #expect(fsck.err.contains("error: packfile \(packPath) does not match index"), "\(fsck.err)")
    }
}
