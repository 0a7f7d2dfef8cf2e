import PfadTestSupport
import Foundation
import Testing

/// Interop between `pfad diff --no-index` and git 2.39 on random text
/// files (fixed seed): git applies pfad's patches, and the outputs agree
/// byte for byte where the algorithms coincide.
@Suite struct DiffInteropTests {
    static let pairCount = 300

    /// Random prose-like files: `old/fNNN` and `new/fNNN`, built from a small
    /// pool of lines (so lines repeat and hunks can slide), with random
    /// edits and sometimes a missing final newline.
    static func makeFolders(seed: UInt64, poolSize: Int, in root: URL) throws {
        var rng = SeededGenerator(seed: seed)
        let words = ["Arnsberg", "Menden", "Olpe", "Soest", "Bad", "Berleburg", "Straße", "Fußweg", "Brücke",
                     "über", "die", "Ruhr", "Möhnesee", "Rad-", "Wanderweg", "und", "zum", "Markt", "(Parkplatz)", "—"]
        let pool: [String] = (0..<poolSize).map { k in
            if k % 7 == 0 { return "" }
            let count = Int.random(in: 1...8, using: &rng)
            return (0..<count).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
        }
        let oldDir = root.appendingPathComponent("old")
        let newDir = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: oldDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: newDir, withIntermediateDirectories: true)
        for index in 0..<pairCount {
            let length = Int.random(in: 0..<40, using: &rng)
            var old = (0..<length).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            var new = old
            for _ in 0..<Int.random(in: 0..<6, using: &rng) {
                let position = Int.random(in: 0...new.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: new.insert(pool[Int.random(in: 0..<pool.count, using: &rng)], at: position)
                case 1 where position < new.count: new.remove(at: position)
                default: if position < new.count { new[position] = pool[Int.random(in: 0..<pool.count, using: &rng)] }
                }
            }
            if old.isEmpty { old = [] }
            func render(_ lines: [String], dropNewline: Bool) -> Data {
                var text = lines.map { $0 + "\n" }.joined()
                if dropNewline && text.hasSuffix("\n") && !text.hasSuffix("\n\n") { text.removeLast() }
                return Data(text.utf8)
            }
            let name = String(format: "f%03d.txt", index)
            try render(old, dropNewline: Int.random(in: 0..<8, using: &rng) == 0)
                .write(to: oldDir.appendingPathComponent(name))
            try render(new, dropNewline: Int.random(in: 0..<8, using: &rng) == 0)
                .write(to: newDir.appendingPathComponent(name))
        }
    }

    @Test(arguments: [(UInt64(1), 12), (UInt64(2), 400)])
    func gitAppliesPfadPatches(seed: UInt64, poolSize: Int) throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-interop")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.makeFolders(seed: seed, poolSize: poolSize, in: root)
        for algorithm in ["--myers", "--minimal", "--patience", "--histogram"] {
            let diff = try runner.pfad(["diff", "--no-index", algorithm, "old", "new"], in: root)
            #expect(diff.status == 1, "\(diff.err)")
            let work = root.appendingPathComponent("work")
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.copyItem(at: root.appendingPathComponent("old"), to: work)
            let apply = try runner.git(["apply", "-p2", "--whitespace=nowarn", "-"], in: work, stdin: diff.stdout)
            #expect(apply.status == 0, "\(algorithm): \(apply.err)")
            for index in 0..<Self.pairCount {
                let name = String(format: "f%03d.txt", index)
                let got = try Data(contentsOf: work.appendingPathComponent(name))
                let want = try Data(contentsOf: root.appendingPathComponent("new").appendingPathComponent(name))
                #expect(got == want, "\(algorithm) \(name)")
            }
        }
    }

    @Test(arguments: [(UInt64(1), 12), (UInt64(2), 400)])
    func outputsEqualGits(seed: UInt64, poolSize: Int) throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-interop")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.makeFolders(seed: seed, poolSize: poolSize, in: root)
        let cases: [[String]] = [
            ["--minimal", "--numstat"], ["--minimal", "--stat"], ["--name-status"], ["--name-only"],
            ["--minimal"], ["--minimal", "-U1"], ["--minimal", "-U0"], ["--minimal", "-U7"], [], ["--stat"],
            ["-R"], ["--shortstat"], ["--inter-hunk-context=3", "-U1"], ["--no-prefix"],
            ["--src-prefix=alt/", "--dst-prefix=neu/"],
        ]
        for options in cases {
            let git = try runner.git(["diff", "--no-index"] + options + ["old", "new"], in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + options + ["old", "new"], in: root)
            #expect(pfad.status == git.status)
            #expect(pfad.out == git.out, "\(options)")
        }
    }

    @Test func singleFilesAndExitCodes() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-files")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("Olpe\nSoest\n".utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data("Olpe\nSoest\nMenden".utf8).write(to: root.appendingPathComponent("b.txt"))
        try Data("Olpe\nSoest\n".utf8).write(to: root.appendingPathComponent("c.txt"))
        try Data([0x61, 0x00, 0x62]).write(to: root.appendingPathComponent("bin"))
        for args in [["a.txt", "b.txt"], ["a.txt", "c.txt"], ["/dev/null", "b.txt"], ["b.txt", "/dev/null"],
                     ["a.txt", "bin"], ["--stat", "a.txt", "bin"], ["--numstat", "a.txt", "b.txt"]] {
            let git = try runner.git(["diff", "--no-index"] + args, in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + args, in: root)
            #expect(pfad.status == git.status, "\(args)")
            #expect(pfad.out == git.out, "\(args)")
        }
        // Outside a repository two paths mean --no-index, as in git.
        let implied = try runner.pfad(["diff", "a.txt", "b.txt"], in: root)
        let gitImplied = try runner.git(["diff", "a.txt", "b.txt"], in: root)
        #expect(implied.status == gitImplied.status)
        #expect(implied.out == gitImplied.out)
    }

    @Test func missingPathIsAnErrorLikeGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-missing")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("a\n".utf8).write(to: root.appendingPathComponent("a"))
        let git = try runner.git(["diff", "--no-index", "nope", "a"], in: root)
        let pfad = try runner.pfad(["diff", "--no-index", "nope", "a"], in: root)
        #expect(pfad.status == git.status)
        #expect(pfad.err == git.err)  // "error: Could not access 'nope'"
        let usage = try runner.pfad(["diff", "--no-index", "a"], in: root)
        #expect(usage.status == 129)
    }

    @Test func whitespaceOptionsEqualGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-ws")
        defer { try? FileManager.default.removeItem(at: root) }
        var rng = SeededGenerator(seed: 9)
        let pool = ["a", "a ", "a\t", "a  b", "a b", " a b", "\t", "", "Olpe  Soest", "Olpe Soest\r", "Fünf Straße"]
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        for index in 0..<80 {
            let a = (0..<Int.random(in: 0..<20, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            var b = a
            for _ in 0..<Int.random(in: 0...4, using: &rng) where !b.isEmpty {
                b[Int.random(in: 0..<b.count, using: &rng)] = pool[Int.random(in: 0..<pool.count, using: &rng)]
            }
            let name = String(format: "f%02d.txt", index)
            try Data(a.map { $0 + "\n" }.joined().utf8).write(to: old.appendingPathComponent(name))
            try Data(b.map { $0 + "\n" }.joined().utf8).write(to: new.appendingPathComponent(name))
        }
        for options in [["-w"], ["-b"], ["--ignore-space-at-eol"], ["-w", "-U1"], ["-b", "--word-diff"]] {
            let git = try runner.git(["diff", "--no-index"] + options + ["old", "new"], in: root)
            var pfadOptions = options
            if options.contains("--word-diff") { pfadOptions.append("--word-diff-regex=[^[:space:]]+") }
            let pfad = try runner.pfad(["diff", "--no-index"] + pfadOptions + ["old", "new"], in: root)
            #expect(pfad.status == git.status, "\(options)")
            #expect(pfad.out == git.out, "\(options)")
        }
        // Outputs only: git exits 0 here although files differ (see Spec/diff.md).
        for options in [["-w", "--name-status"], ["-w", "--stat"], ["-b", "--numstat"]] {
            let git = try runner.git(["diff", "--no-index"] + options + ["old", "new"], in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + options + ["old", "new"], in: root)
            #expect(pfad.out == git.out, "\(options)")
        }
    }
}
