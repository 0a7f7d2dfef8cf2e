import Testing
@testable import PfadDiff

@Suite struct LineInternerTests {
    @Test func equalSlicesGetEqualIDsAcrossBuffers() {
        var interner = LineInterner(expected: 2)
        let a = Array("Olpe\nSoest\nOlpe\n".utf8)
        let b = Array("Soest\nMenden\nOlpe\n".utf8)
        let idsA = interner.intern(a, ranges: LineSplitter.lineRanges(a))
        let idsB = interner.intern(b, ranges: LineSplitter.lineRanges(b))
        #expect(idsA[0] == idsA[2])
        #expect(idsA[1] == idsB[0])
        #expect(idsA[0] == idsB[2])
        #expect(idsB[1] != idsA[0] && idsB[1] != idsA[1])
        #expect(interner.count == 3)
    }

    @Test func manyDistinctLinesGrowTheTable() {
        var interner = LineInterner(expected: 1)
        let text = Array((0..<5000).map { "line \($0) über die Brücke\n" }.joined().utf8)
        let ids = interner.intern(text, ranges: LineSplitter.lineRanges(text))
        #expect(Set(ids).count == 5000)
        #expect(interner.count == 5000)
        let again = interner.intern(text, ranges: LineSplitter.lineRanges(text))
        #expect(again == ids)
    }
}
