import Testing
@testable import PfadDiff

@Suite struct FunctionContextTests {
    @Test(arguments: [("Olpe", true), ("_x", true), ("$v", true), ("  indented", false), ("# H", false), ("", false), ("1st", false)])
    func gitDefaultRule(line: String, expected: Bool) {
        #expect(FunctionContext.gitDefault.matches(Array(line.utf8)[...]) == expected)
    }

    @Test(arguments: [("# Arnsberg", true), ("   ### Anreise", true), ("    # code", false), ("#Hashtag", false), ("####### seven", false), ("text", false)])
    func markdownRule(line: String, expected: Bool) {
        #expect(FunctionContext.markdown.matches(Array(line.utf8)[...]) == expected)
    }

    /// git 2.39 (run by hand): 8000 × "a" then NUL is text, 7999 × "a" then NUL binary.
    @Test func binaryDetectionLooksAtTheFirst8000Bytes() {
        #expect(BinaryDetection.isBinary([0x61, 0x00]))
        #expect(!BinaryDetection.isBinary(Array("Fünf".utf8)))
        #expect(!BinaryDetection.isBinary([UInt8](repeating: 0x61, count: 8000) + [0x00]))
        #expect(BinaryDetection.isBinary([UInt8](repeating: 0x61, count: 7999) + [0x00]))
    }
}
