import PfadTestSupport
import Foundation
import Testing

/// `pfad merge-file` against `git merge-file` 2.39 on random three-way
/// cases (fixed seed): same output and same exit code (conflict count).
@Suite struct MergeFileInteropTests {
    static func mutate(_ lines: [String], edits: Int, pool: [String], using rng: inout SeededGenerator) -> [String] {
        var result = lines
        for _ in 0..<edits {
            let position = Int.random(in: 0...result.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: result.insert(pool[Int.random(in: 0..<pool.count, using: &rng)], at: position)
            case 1 where position < result.count: result.remove(at: position)
            default: if position < result.count { result[position] = pool[Int.random(in: 0..<pool.count, using: &rng)] }
            }
        }
        return result
    }

    @Test func randomCasesEqualGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-merge-file")
        defer { try? FileManager.default.removeItem(at: root) }
        var rng = SeededGenerator(seed: 2026)
        let pool = ["Arnsberg", "Bad Berleburg", "", "}", "Olpe: Biggesee", "Soest", "Menden —", "Straße", "--"]
        var conflicted = 0
        for round in 0..<90 {
            let base = (0..<Int.random(in: 0..<30, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            let ours = Self.mutate(base, edits: Int.random(in: 0..<7, using: &rng), pool: pool, using: &rng)
            let theirs = Self.mutate(base, edits: Int.random(in: 0..<7, using: &rng), pool: pool, using: &rng)
            for (name, lines) in [("base", base), ("ours", ours), ("theirs", theirs)] {
                var text = lines.map { $0 + "\n" }.joined()
                if Int.random(in: 0..<4, using: &rng) == 0 && !text.isEmpty { text.removeLast() }  // no final newline
                try Data(text.utf8).write(to: root.appendingPathComponent(name))
            }
            let style = ["", "--diff3", "--zdiff3"][round % 3]
            let args = ["merge-file", "-p"] + (style.isEmpty ? [] : [style]) + ["ours", "base", "theirs"]
            let git = try runner.git(args, in: root)
            let pfad = try runner.pfad(args, in: root)
            #expect(pfad.status == git.status, "round \(round) \(style)")
            #expect(pfad.out == git.out, "round \(round) \(style)")
            if git.status > 0 { conflicted += 1 }
        }
        #expect(conflicted > 5)  // the cases do exercise conflicts
    }

    @Test func writesIntoCurrentFileWithLabels() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-merge-file")
        defer { try? FileManager.default.removeItem(at: root) }
        for tool in ["git", "pfad"] {
            try Data("Olpe\nSoest\nMenden\n".utf8).write(to: root.appendingPathComponent("base"))
            try Data("Olpe\nSoest (Altstadt)\nMenden\n".utf8).write(to: root.appendingPathComponent("cur"))
            try Data("Olpe\nSoest (Wall)\nMenden\n".utf8).write(to: root.appendingPathComponent("other"))
            let args = ["merge-file", "-L", "Arnsberg", "-L", "Basis", "-L", "Soest", "cur", "base", "other"]
            let result = tool == "git" ? try runner.git(args, in: root) : try runner.pfad(args, in: root)
            #expect(result.status == 1)
            let written = try String(decoding: Data(contentsOf: root.appendingPathComponent("cur")), as: UTF8.self)
            // Output of git 2.39 for this case (run by hand).
            #expect(written == "Olpe\n<<<<<<< Arnsberg\nSoest (Altstadt)\n=======\nSoest (Wall)\n>>>>>>> Soest\nMenden\n", "\(tool)")
        }
    }

    @Test func missingFileExitsLikeGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-merge-file")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("a\n".utf8).write(to: root.appendingPathComponent("a"))
        let git = try runner.git(["merge-file", "-p", "nope", "a", "a"], in: root)
        let pfad = try runner.pfad(["merge-file", "-p", "nope", "a", "a"], in: root)
        #expect(pfad.status == git.status)
        #expect(pfad.err.hasPrefix("error: Could not stat nope"))
    }
}
