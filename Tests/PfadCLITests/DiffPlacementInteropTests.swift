import Foundation
import PfadTestSupport
import Testing

/// pfad's line diffs equal git 2.39's byte for byte for all four
/// algorithms, with and without the indent heuristic, on thousands of
/// random prose and code-like file pairs (blank lines, repeated lines such
/// as `}` or `</para>`, indentation, moved and repeated blocks; a few
/// larger files reach Myers' cost bounds).
@Suite struct DiffPlacementInteropTests {
    static let pairCount = 2000

    /// Writes `old/fNNNN` and `new/fNNNN` under `root` (fixed seed).
    static func makeFolders(seed: UInt64, in root: URL) throws {
        var rng = SeededGenerator(seed: seed)
        let words = ["alpha", "beta", "the", "of", "and", "Olpe", "Soest", "return", "if", "else", "x", "y", "Straße"]
        let codeLines = [
            "}", "{", "", "", "    }", "\t}", "</para>", "<para>", "    return x;", "\treturn 0;", "int main() {",
            "    if (x) {", "        y++;", "    } else {", "#include <stdio.h>", "        break;", "  - item", "end",
        ]
        let indents = ["", "    ", "        ", "\t", "\t\t", "  "]
        func line(code: Bool) -> String {
            let phrase = (0..<Int.random(in: 1...5, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "" }
                .joined(separator: " ")
            if !code { return Int.random(in: 0..<7, using: &rng) == 0 ? "" : phrase }
            if Int.random(in: 0..<5, using: &rng) < 3 { return codeLines.randomElement(using: &rng) ?? "" }
            return (indents.randomElement(using: &rng) ?? "") + phrase
        }
        let oldDir = root.appendingPathComponent("old")
        let newDir = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: oldDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: newDir, withIntermediateDirectories: true)
        for index in 0..<pairCount {
            let code = Int.random(in: 0..<3, using: &rng) != 0
            let big = index % 200 == 0
            let length = big ? Int.random(in: 1500...3000, using: &rng) : Int.random(in: 0...[10, 40, 120][index % 3], using: &rng)
            let pool = (0..<Int.random(in: 3...(big ? 400 : 40), using: &rng)).map { _ in line(code: code) }
            func pick() -> String {
                Int.random(in: 0..<10, using: &rng) < 7 ? pool.randomElement(using: &rng) ?? "" : line(code: code)
            }
            let old = (0..<length).map { _ in pick() }
            var new = old
            let edits = Int.random(in: 0...max(1, length / [3, 10, 30][index % 3]), using: &rng)
            for _ in 0..<edits {
                let position = Int.random(in: 0...new.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: new.insert(pick(), at: position)
                case 1 where position < new.count: new.remove(at: position)
                case 2 where position < new.count: new[position] = line(code: code)
                case 3 where !new.isEmpty:  // move a block
                    let start = Int.random(in: 0..<new.count, using: &rng)
                    let end = min(new.count, start + Int.random(in: 1...8, using: &rng))
                    let block = Array(new[start..<end])
                    new.removeSubrange(start..<end)
                    new.insert(contentsOf: block, at: Int.random(in: 0...new.count, using: &rng))
                default:  // insert a block of repeated structure
                    let block = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
                    new.insert(contentsOf: block, at: min(position, new.count))
                }
            }
            func render(_ lines: [String], dropNewline: Bool) -> Data {
                var text = lines.map { $0 + "\n" }.joined()
                if dropNewline && text.hasSuffix("\n") && !text.hasSuffix("\n\n") { text.removeLast() }
                return Data(text.utf8)
            }
            let name = String(format: "f%04d.txt", index)
            try render(old, dropNewline: Int.random(in: 0..<10, using: &rng) == 0)
                .write(to: oldDir.appendingPathComponent(name))
            try render(new, dropNewline: Int.random(in: 0..<10, using: &rng) == 0)
                .write(to: newDir.appendingPathComponent(name))
        }
    }

    @Test(arguments: ["--diff-algorithm=myers", "--minimal", "--patience", "--histogram"])
    func patchesAndNumstatsEqualGits(algorithm: String) throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-placement")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.makeFolders(seed: 21, in: root)
        for heuristic in ["--indent-heuristic", "--no-indent-heuristic"] {
            // One run prints the numstat, then the patch (git's order).
            let options = [algorithm, heuristic, "--no-renames", "--numstat", "-p"]
            let git = try runner.git(["diff", "--no-index"] + options + ["old", "new"], in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + options + ["old", "new"], in: root)
            #expect(pfad.status == git.status, "\(options)")
            #expect(pfad.out == git.out, "\(options): \(Self.firstDifference(pfad.out, git.out))")
        }
    }

    @Test func configurationSwitchesTheHeuristic() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diff-placement-config")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("    x();\n{\n    return;\n\nif (a) {\n".utf8).write(to: root.appendingPathComponent("a"))
        try Data("    x();\n{\n    return;\n\nif (a) {\n    return;\n\nif (a) {\n".utf8)
            .write(to: root.appendingPathComponent("b"))
        for value in [nil, "false", "true"] {
            let env = value.map { ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "diff.indentHeuristic", "GIT_CONFIG_VALUE_0": $0] } ?? [:]
            let git = try runner.git(["diff", "--no-index", "a", "b"], in: root, env: env)
            let pfad = try runner.pfad(["diff", "--no-index", "a", "b"], in: root, env: env)
            #expect(pfad.out == git.out, "\(value ?? "unset")")
        }
        // The command line wins over the configuration.
        let off = ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "diff.indentHeuristic", "GIT_CONFIG_VALUE_0": "false"]
        let git = try runner.git(["diff", "--no-index", "--indent-heuristic", "a", "b"], in: root, env: off)
        let pfad = try runner.pfad(["diff", "--no-index", "--indent-heuristic", "a", "b"], in: root, env: off)
        #expect(pfad.out == git.out)
        let plain = try runner.git(["diff", "--no-index", "a", "b"], in: root, env: off)
        #expect(pfad.out != plain.out)  // the case does depend on the heuristic
    }

    /// The first differing line of two outputs with the file header above it (for failure messages).
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for k in 0..<min(left.count, right.count) where left[k] != right[k] {
            let header = left[..<k].last { $0.hasPrefix("diff --git") } ?? ""
            return "\(header) line \(k): pfad \(left[k].debugDescription) git \(right[k].debugDescription)"
        }
        return "lengths \(left.count) vs \(right.count)"
    }
}
