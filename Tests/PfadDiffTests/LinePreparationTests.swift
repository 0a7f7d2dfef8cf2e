import Testing
@testable import PfadDiff

/// git's reduction before Myers. Expected chunks come from
/// `git diff --no-index --minimal -U0` (git 2.39) on the same lines.
@Suite struct LinePreparationTests {
    static func chunks(_ old: [String], _ new: [String], _ algorithm: DiffAlgorithm = .minimal) -> [DiffChunk] {
        TextDiff(old: Fixture.text(old), new: Fixture.text(new), algorithm: algorithm).script.chunks
    }

    @Test func frequentLineBuriedInUnmatchedLinesIsLeftOut() {
        // "c" occurs 4 times on the old side (limit 4 for 8 lines) and sits
        // among lines the old side lacks: git leaves it out, so even
        // --minimal reports every line (`@@ -1,6 +1,8 @@`).
        let got = Self.chunks(["x", "xx", "c", "c", "c", "c"], ["p", "r", "b", "c", "p", "q", "r", "p"])
        #expect(got == [DiffChunk(oldStart: 0, oldCount: 6, newStart: 0, newCount: 8)])
    }

    @Test func frequentLineNextToAnotherIsKept() {
        // Two frequent "c" lines together are not buried enough
        // (`@@ -1,4 +1,2 @@`, `@@ -6,0 +5,4 @@`).
        let got = Self.chunks(["x", "x", "c", "c", "c", "c"], ["p", "r", "c", "c", "p", "q", "r", "p"])
        #expect(
            got == [
                DiffChunk(oldStart: 0, oldCount: 4, newStart: 0, newCount: 2),
                DiffChunk(oldStart: 6, oldCount: 0, newStart: 4, newCount: 4),
            ])
    }

    @Test func roughSquareRootIsAPowerOfTwo() {
        // 2^k for the smallest k with 4^k > n.
        let expected = [(0, 1), (1, 2), (3, 2), (4, 4), (15, 4), (16, 8), (1000, 32), (1 << 20, 2048)]
        for (n, root) in expected { #expect(LinePreparation.roughSquareRoot(n) == root, "\(n)") }
    }
}
