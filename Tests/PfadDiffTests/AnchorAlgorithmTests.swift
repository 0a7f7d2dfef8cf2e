import Testing
@testable import PfadDiff

/// Patience and histogram choose other matches than Myers. Expected chunks
/// come from `git diff --no-index -U0 --patience|--histogram` (git 2.39).
@Suite struct AnchorAlgorithmTests {
    static func chunks(_ old: String, _ new: String, _ algorithm: DiffAlgorithm) -> [DiffChunk] {
        TextDiff(old: Fixture.text(old.map(String.init)), new: Fixture.text(new.map(String.init)), algorithm: algorithm)
            .script.chunks
    }

    @Test func histogramAnchorsOnTheRarestRun() {
        // myers: -1,2 +0,0 / -4 +2 / -6,0 +5,3; histogram: -1 +0,0 / -3,2 +2 / -6,0 +5,3
        #expect(
            Self.chunks("eddeebb", "dyebadcb", .myers) == [
                DiffChunk(oldStart: 0, oldCount: 2, newStart: 0, newCount: 0),
                DiffChunk(oldStart: 3, oldCount: 1, newStart: 1, newCount: 1),
                DiffChunk(oldStart: 6, oldCount: 0, newStart: 4, newCount: 3),
            ])
        #expect(
            Self.chunks("eddeebb", "dyebadcb", .histogram) == [
                DiffChunk(oldStart: 0, oldCount: 1, newStart: 0, newCount: 0),
                DiffChunk(oldStart: 2, oldCount: 2, newStart: 1, newCount: 1),
                DiffChunk(oldStart: 6, oldCount: 0, newStart: 4, newCount: 3),
            ])
    }

    @Test func patienceAnchorsOnUniqueLines() {
        // myers: -0,0 +1,2 / -3,4 +4,0 / -8 +6; patience: -1,5 +0,0 / -6,0 +2 / -8 +4,3
        #expect(
            Self.chunks("aabbdcae", "cdaaab", .myers) == [
                DiffChunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 2),
                DiffChunk(oldStart: 2, oldCount: 4, newStart: 4, newCount: 0),
                DiffChunk(oldStart: 7, oldCount: 1, newStart: 5, newCount: 1),
            ])
        #expect(
            Self.chunks("aabbdcae", "cdaaab", .patience) == [
                DiffChunk(oldStart: 0, oldCount: 5, newStart: 0, newCount: 0),
                DiffChunk(oldStart: 6, oldCount: 0, newStart: 1, newCount: 1),
                DiffChunk(oldStart: 7, oldCount: 1, newStart: 3, newCount: 3),
            ])
    }

    @Test func histogramSendsRegionsOfVeryCommonLinesToMyers() {
        // 65 copies of "a" and of "b" on the old side: no run may anchor,
        // the region goes to Myers, which keeps old lines 1 and 130
        // (git -U0: `@@ -2,128 +1,0 @@`, `@@ -131 +2,0 @@`).
        var old = ["a"]
        for k in 0..<64 { old += k % 3 == 0 ? ["a", "b"] : ["b", "a"] }
        old += ["b", "z"]
        let script = TextDiff(old: Fixture.text(old), new: Fixture.text(["a", "b"]), algorithm: .histogram).script
        #expect(
            script.chunks == [
                DiffChunk(oldStart: 1, oldCount: 128, newStart: 1, newCount: 0),
                DiffChunk(oldStart: 130, oldCount: 1, newStart: 2, newCount: 0),
            ])
    }
}
