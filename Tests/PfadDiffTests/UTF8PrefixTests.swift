import Testing
@testable import PfadDiff

/// git cuts a hunk header line before its first incomplete or invalid
/// UTF-8 character. Expected header texts are git 2.39's
/// (`git diff --no-index`, default function lines).
@Suite struct UTF8PrefixTests {
    @Test func characterSplitByThe80ByteCutIsDropped() {
        // "Funktion " + 40 × "ä": git shows "Funktion " + 35 × "ä" (79 bytes).
        let line = Array(("Funktion " + String(repeating: "ä", count: 40) + "\n").utf8)[...]
        let expected = Array(("Funktion " + String(repeating: "ä", count: 35)).utf8)
        #expect(Array(FunctionContext.headerText(line)) == expected)
    }

    @Test func latin1TextIsCutBeforeTheFirstInvalidByte() {
        // "Stra \xdfe und mehr": git shows "Stra " (the space stays).
        let line: ArraySlice<UInt8> = (Array("Stra ".utf8) + [0xDF] + Array("e und mehr\n".utf8))[...]
        #expect(Array(FunctionContext.headerText(line)) == Array("Stra ".utf8))
    }

    @Test func invalidForms() {
        #expect(UTF8Prefix.validEnd([0x61, 0xC0, 0x80][...]) == 1)  // overlong 2-byte
        #expect(UTF8Prefix.validEnd([0x61, 0xED, 0xA0, 0x80][...]) == 1)  // surrogate
        #expect(UTF8Prefix.validEnd([0x61, 0xEF, 0xBF, 0xBF][...]) == 1)  // U+FFFF
        #expect(UTF8Prefix.validEnd([0x61, 0xF4, 0x90, 0x80, 0x80][...]) == 1)  // above U+10FFFF
        #expect(UTF8Prefix.validEnd([0x61, 0xF0, 0x9F, 0x98, 0x80][...]) == 5)  // U+1F600
    }
}
