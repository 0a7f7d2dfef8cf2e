import Testing

@testable import PfadRepository

/// The `merge` attribute as git reads it from attribute files.
@Suite struct MergeAttributesTests {
    func value(_ files: [String], _ path: String) -> MergeAttributes.Value? {
        MergeAttributes(files: files.map { Array($0.utf8) }).value(for: Array(path.utf8))
    }

    @Test func patternWithoutSlashMatchesTheNameAtAnyDepth() {
        let files = ["*.md merge=guide\n"]
        #expect(value(files, "leitfaden.md") == .driver("guide"))
        #expect(value(files, "Leitfäden/01 Start.md") == .driver("guide"))
        #expect(value(files, "README.txt") == nil)
    }

    @Test func laterLinesAndInfoAttributesWin() {
        let gitattributes = "*.md merge=guide\nREADME.md merge=text\n# comment\n"
        #expect(value([gitattributes], "README.md") == .driver("text"))
        #expect(value([gitattributes], "docs/README.md") == .driver("text"))
        #expect(value([gitattributes, "*.md -merge\n"], "a.md") == .unset)
        #expect(value([gitattributes, "*.md !merge\n"], "a.md") == nil)
        #expect(value(["*.md merge\n"], "a.md") == .set)
    }

    @Test func patternWithSlashIsAnchoredAtTheTop() {
        let files = ["/docs/*.md merge=text\narchiv/**/*.md merge=text\n"]
        #expect(value(files, "docs/a.md") == .driver("text"))
        #expect(value(files, "x/docs/a.md") == nil)
        #expect(value(files, "archiv/2021/alt/a.md") == .driver("text"))
    }

    @Test func linesWithoutMergeAndMacrosAreIgnored() {
        #expect(value(["*.md text eol=lf\n[attr]guide merge=guide\n"], "a.md") == nil)
    }
}
