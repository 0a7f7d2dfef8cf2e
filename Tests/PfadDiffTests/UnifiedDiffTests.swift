import Testing
@testable import PfadDiff

@Suite struct UnifiedDiffTests {
    @Test func matchesGitOutput() {
        let old = Fixture.text(["Intro", "line1", "line2", "# Head", "  x", "b", "c", "d", "e", "f", "g", "h", "i"])
        var new = Fixture.text(["Intro", "line1", "line2 changed", "# Head", "  x", "b", "c", "d", "e", "f", "g", "h", "i"])
        new += Array("new".utf8)
        let diff = TextDiff(old: old, new: new)
        // Output of `git diff --no-index` (git 2.39) on these files, hunks only.
        let expected = """
            @@ -1,6 +1,6 @@
             Intro
             line1
            -line2
            +line2 changed
             # Head
               x
             b
            @@ -11,3 +11,4 @@ f
             g
             h
             i
            +new
            \\ No newline at end of file

            """
        #expect(String(decoding: UnifiedDiff.render(diff), as: UTF8.self) == expected)
    }

    /// Expected header from git 2.39 with `*.md diff=markdown` (run by hand).
    @Test func markdownHeadingsLabelHunks() {
        let old = Fixture.text(["# Arnsberg", "", "Text", "## Anreise", "a", "b", "c", "d", "e"])
        let new = Fixture.text(["# Arnsberg", "", "Text", "## Anreise", "a", "b", "c", "d", "E"])
        let diff = TextDiff(old: old, new: new)
        let text = String(decoding: UnifiedDiff.render(diff, options: UnifiedDiffOptions(functionContext: .markdown)), as: UTF8.self)
        #expect(text.hasPrefix("@@ -6,4 +6,4 @@ ## Anreise\n"))
    }

    @Test func functionTextIsCutAt80BytesAndTrimmed() {
        // git 2.39 shows at most 80 bytes and drops trailing blanks.
        let long = Array("Func ".utf8) + [UInt8](repeating: 0x78, count: 100) + Array("  \n".utf8)
        #expect(FunctionContext.headerText(long[...]).count == 80)
        #expect(Array(FunctionContext.headerText(Array("Fünf   \t\n".utf8)[...])) == Array("Fünf".utf8))
    }

    @Test func identicalContentsRenderNothing() {
        let text = Fixture.text(["a", "b"])
        #expect(UnifiedDiff.render(TextDiff(old: text, new: text)).isEmpty)
    }
}
