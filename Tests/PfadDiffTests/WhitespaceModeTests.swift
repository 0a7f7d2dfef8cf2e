import Testing
@testable import PfadDiff

@Suite struct WhitespaceModeTests {
    static func key(_ mode: WhitespaceMode, _ text: String) -> String {
        String(decoding: mode.key(Array(text.utf8)[...]), as: UTF8.self)
    }

    @Test func keys() {
        #expect(Self.key(.ignoreAll, " a \t b \n") == Self.key(.ignoreAll, "ab\n"))
        #expect(Self.key(.ignoreChange, "a  b \n") == Self.key(.ignoreChange, "a b\n"))
        #expect(Self.key(.ignoreChange, "a b\n") != Self.key(.ignoreChange, "ab\n"))
        #expect(Self.key(.ignoreAtEndOfLine, "a b \t\n") == Self.key(.ignoreAtEndOfLine, "a b\n"))
        #expect(Self.key(.ignoreAtEndOfLine, "a  b\n") != Self.key(.ignoreAtEndOfLine, "a b\n"))
    }

    @Test func textDiffIgnoresWhitespaceOnly() {
        let old = Array("x\na  b\nc\n".utf8)
        let new = Array("x\na b \nC\n".utf8)
        #expect(TextDiff(old: old, new: new, whitespace: .ignoreAll).script.chunks
            == [DiffChunk(oldStart: 2, oldCount: 1, newStart: 2, newCount: 1)])
        #expect(TextDiff(old: old, new: new).script.chunks.count == 1)
        #expect(TextDiff(old: old, new: new).script.deletions == 2)
    }
}
