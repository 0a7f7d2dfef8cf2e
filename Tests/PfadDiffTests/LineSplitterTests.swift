import Testing
@testable import PfadDiff

@Suite struct LineSplitterTests {
    @Test func keepsTerminatorsAndLastPartialLine() {
        let bytes = Array("a\n\nbc\nd".utf8)
        let lines = LineSplitter.lines(bytes).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines == ["a\n", "\n", "bc\n", "d"])
        #expect(LineSplitter.lacksFinalNewline(bytes))
        #expect(!LineSplitter.lacksFinalNewline(Array("x\n".utf8)))
        #expect(LineSplitter.lineRanges([]).isEmpty)
    }

    @Test func longLinesAcrossWordBoundaries() {
        // Newlines at every offset modulo 8 (the splitter scans 8 bytes at a time).
        for length in 0..<20 {
            let line = [UInt8](repeating: 0x78, count: length) + [0x0A]
            let bytes = line + line + [0x79]
            let ranges = LineSplitter.lineRanges(bytes)
            #expect(ranges == [0..<(length + 1), (length + 1)..<(2 * length + 2), (2 * length + 2)..<(2 * length + 3)])
        }
    }
}
