import Testing
@testable import PfadDiff

/// Placement of ambiguous change groups. Expected chunks come from
/// `git diff --no-index -U0` (git 2.39), with and without
/// `--no-indent-heuristic`.
@Suite struct CompactionTests {
    static func chunks(_ old: [String], _ new: [String], heuristic: Bool) -> [DiffChunk] {
        TextDiff(old: Fixture.text(old), new: Fixture.text(new), indentHeuristic: heuristic).script.chunks
    }

    @Test func indentHeuristicPrefersTheSplitAfterTheBlankLine() {
        let old = ["    x();", "{", "    return;", "", "if (a) {"]
        let new = old + ["    return;", "", "if (a) {"]
        // git: `@@ -4,0 +5,3 @@`; --no-indent-heuristic: `@@ -5,0 +6,3 @@`.
        #expect(Self.chunks(old, new, heuristic: true) == [DiffChunk(oldStart: 4, oldCount: 0, newStart: 4, newCount: 3)])
        #expect(Self.chunks(old, new, heuristic: false) == [DiffChunk(oldStart: 5, oldCount: 0, newStart: 5, newCount: 3)])
    }

    @Test func indentHeuristicMovesAGroupToTheStartOfTheFile() {
        let old = ["{", "    x();", "    return;", "    return;", "{", "}"]
        let new = ["{", "{", "    y();", "{", "{", "    x();", "    return;", "    return;", "{", "}"]
        // git: `@@ -0,0 +1,4 @@`; --no-indent-heuristic: `@@ -1,0 +2,4 @@`.
        #expect(Self.chunks(old, new, heuristic: true) == [DiffChunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 4)])
        #expect(Self.chunks(old, new, heuristic: false) == [DiffChunk(oldStart: 1, oldCount: 0, newStart: 1, newCount: 4)])
    }

    @Test func lineWidths() {
        #expect(LineIndentation.width(Array("    x\n".utf8)[...]) == 4)
        #expect(LineIndentation.width(Array("  \tx\n".utf8)[...]) == 8)
        #expect(LineIndentation.width(Array("\t \tx".utf8)[...]) == 16)
        #expect(LineIndentation.width(Array(" \t \r\n".utf8)[...]) == -1)
        #expect(LineIndentation.width(Array("".utf8)[...]) == -1)
        #expect(LineIndentation.width((Array(repeating: UInt8(ascii: " "), count: 300) + [0x78])[...]) == 200)
    }
}
