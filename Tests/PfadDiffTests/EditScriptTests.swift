import PfadTestSupport
import Testing
@testable import PfadDiff

@Suite struct EditScriptTests {
    /// Chunks are ordered, inside bounds, and the unchanged parts match.
    static func checkWellFormed(_ script: EditScript, _ a: [Int32], _ b: [Int32]) {
        var i = 0, j = 0
        for chunk in script.chunks {
            #expect(chunk.oldStart >= i && chunk.newStart >= j)
            #expect(chunk.oldStart - i == chunk.newStart - j)
            #expect(chunk.oldCount + chunk.newCount > 0)
            for k in 0..<(chunk.oldStart - i) { #expect(a[i + k] == b[j + k]) }
            i = chunk.oldEnd
            j = chunk.newEnd
        }
        #expect(a.count - i == b.count - j)
        for k in 0..<(a.count - i) { #expect(a[i + k] == b[j + k]) }
    }

    @Test(arguments: DiffAlgorithm.allCases)
    func randomPairsReplayExactly(algorithm: DiffAlgorithm) {
        var rng = SeededGenerator(seed: 4)
        for round in 0..<300 {
            let alphabet = Int32([3, 8, 40, 1000][round % 4])
            let a = Fixture.randomSequence(Int.random(in: 0..<60, using: &rng), alphabet: alphabet, using: &rng)
            let b = round % 3 == 0
                ? Fixture.randomSequence(Int.random(in: 0..<60, using: &rng), alphabet: alphabet, using: &rng)
                : Fixture.mutate(a, edits: Int.random(in: 0..<8, using: &rng), alphabet: alphabet, using: &rng)
            let script = EditScript.compute(old: a, new: b, algorithm: algorithm)
            #expect(script.apply(old: a, new: b) == b, "round \(round)")
            Self.checkWellFormed(script, a, b)
        }
    }

    @Test func minimalIsShortest() {
        var rng = SeededGenerator(seed: 11)
        for round in 0..<300 {
            let alphabet = Int32([2, 4, 10][round % 3])
            let a = Fixture.randomSequence(Int.random(in: 0..<50, using: &rng), alphabet: alphabet, using: &rng)
            let b = Fixture.mutate(a, edits: Int.random(in: 0..<15, using: &rng), alphabet: alphabet, using: &rng)
            let script = EditScript.compute(old: a, new: b, algorithm: .minimal)
            let lcs = Fixture.lcsLength(a, b)
            #expect(script.deletions == a.count - lcs, "round \(round)")
            #expect(script.insertions == b.count - lcs, "round \(round)")
        }
    }

    @Test func myersCostCapStillCorrectOnLargeDifferentInputs() {
        var rng = SeededGenerator(seed: 99)
        let a = Fixture.randomSequence(6000, alphabet: 50, using: &rng)
        let b = Fixture.randomSequence(6000, alphabet: 50, using: &rng)
        let script = EditScript.compute(old: a, new: b, algorithm: .myers)
        #expect(script.apply(old: a, new: b) == b)
        Self.checkWellFormed(script, a, b)
    }

    @Test func equalInputsHaveNoChunks() {
        for algorithm in DiffAlgorithm.allCases {
            #expect(EditScript.compute(old: [1, 2, 3], new: [1, 2, 3], algorithm: algorithm).chunks.isEmpty)
            #expect(EditScript.compute(old: [], new: [], algorithm: algorithm).chunks.isEmpty)
        }
    }

    @Test func emptySides() {
        let added = EditScript.compute(old: [], new: [1, 2])
        #expect(added.chunks == [DiffChunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 2)])
        let deleted = EditScript.compute(old: [1, 2], new: [])
        #expect(deleted.chunks == [DiffChunk(oldStart: 0, oldCount: 2, newStart: 0, newCount: 0)])
    }

    @Test func sliderMovesDown() {
        // a b a  ->  a b a b a : the inserted "b a" could sit after the first
        // "a" or after the last; git (no indent heuristic) puts it last.
        let script = EditScript.compute(old: [0, 1, 0], new: [0, 1, 0, 1, 0], algorithm: .minimal)
        #expect(script.chunks == [DiffChunk(oldStart: 3, oldCount: 0, newStart: 3, newCount: 2)])
    }

    @Test func patienceAnchorsOnUniqueLines() {
        // Classic patience example: the unique lines 10 and 20 anchor the
        // match; the repeated 0s do not pull them apart.
        let a: [Int32] = [10, 0, 0, 20, 30]
        let b: [Int32] = [0, 10, 0, 0, 20, 0]
        let script = EditScript.compute(old: a, new: b, algorithm: .patience)
        #expect(script.apply(old: a, new: b) == b)
        #expect(script.chunks.first == DiffChunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 1))
    }
}

@Suite struct EditScriptIDTests {
    @Test func idsOutsideTheAlphabetAreRenumbered() {
        let script = EditScript.compute(old: [-5, 7, 1_000_000], new: [7, 1_000_000, 3], algorithm: .histogram, alphabet: 2)
        #expect(script.apply(old: [-5, 7, 1_000_000], new: [7, 1_000_000, 3]) == [7, 1_000_000, 3])
        #expect(script.deletions == 1 && script.insertions == 1)
        #expect(EditScript.compute(old: [], new: [], algorithm: .myers, alphabet: 0).chunks.isEmpty)
    }
}

@Suite struct EditScriptScaleTests {
    /// Regions without usable anchors fall back to Myers with the
    /// unmatched-line filter, so these stay fast (a regression once took
    /// seconds in release builds).
    @Test(arguments: [DiffAlgorithm.histogram, .patience])
    func anchorlessInputsStayFast(algorithm: DiffAlgorithm) {
        let same = [Int32](repeating: 0, count: 20000)
        let alternating = (0..<20000).map { Int32($0 % 2) }
        let script = EditScript.compute(old: same, new: alternating, algorithm: algorithm)
        #expect(script.deletions == 10000 && script.insertions == 10000)
        let distinctA = (0..<20000).map { Int32($0) }
        let distinctB = (20000..<40000).map { Int32($0) }
        let replaced = EditScript.compute(old: distinctA, new: distinctB, algorithm: algorithm)
        #expect(replaced.chunks == [DiffChunk(oldStart: 0, oldCount: 20000, newStart: 0, newCount: 20000)])
    }
}
