import Testing
@testable import PfadCommands

@Suite struct OptionalValuesTests {
    @Test func bareBatchGetsTheDefaultFormat() {
        let out = OptionalValues.expand(["cat-file", "--batch", "--batch-check=%(objectname)"])
        #expect(out == ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize)", "--batch-check=%(objectname)"])
    }

    @Test func otherCommandsAndPassthroughAreUntouched() {
        #expect(OptionalValues.expand(["ls-files", "--batch"]) == ["ls-files", "--batch"])
        #expect(OptionalValues.expand(["cat-file", "--", "--batch"]) == ["cat-file", "--", "--batch"])
    }
}

@Suite struct AttachedShortOptionTests {
    @Test func statusUntrackedShortForms() {
        #expect(OptionalValues.expand(["status", "-uno"]) == ["status", "--untracked-files=no"])
        #expect(OptionalValues.expand(["status", "-u"]) == ["status", "--untracked-files=all"])
        #expect(OptionalValues.expand(["status", "--porcelain", "-unormal"]) == ["status", "--porcelain", "--untracked-files=normal"])
    }
}
