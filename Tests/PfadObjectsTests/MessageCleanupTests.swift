import Testing
@testable import PfadObjects

/// Expected outputs from git 2.39.5 run by hand once: `git stripspace`,
/// `git stripspace -s`, `git -c core.commentChar=';' stripspace -s` and
/// `git commit -m "$M"` (which stored the `whitespace` result).
@Suite struct MessageCleanupTests {
    /// printf '\n\n  # Kommentar\nZeile eins  \t\n\n\n\nZeile zwei\n#Kommentar2\n   \n\n'
    static let input = bytes("\n\n  # Kommentar\nZeile eins  \t\n\n\n\nZeile zwei\n#Kommentar2\n   \n\n")

    @Test func whitespaceModeMatchesGitCommitDashM() {
        #expect(text(MessageCleanup.clean(Self.input, mode: .whitespace))
            == "  # Kommentar\nZeile eins\n\nZeile zwei\n#Kommentar2\n")
    }

    @Test func stripModeDropsCommentLinesInFirstColumnOnly() {
        #expect(text(MessageCleanup.clean(Self.input, mode: .strip)) == "  # Kommentar\nZeile eins\n\nZeile zwei\n")
    }

    @Test func customCommentChar() {
        #expect(text(MessageCleanup.clean(bytes("a\n; b\n;c"), mode: .strip, commentChar: 0x3B)) == "a\n")
    }

    @Test func verbatimKeepsEverything() {
        #expect(MessageCleanup.clean(Self.input, mode: .verbatim) == Self.input)
    }

    @Test func addsFinalNewlineAndEmptiesBlankMessages() {
        #expect(text(MessageCleanup.clean(bytes("Titel"), mode: .whitespace)) == "Titel\n")
        #expect(MessageCleanup.clean(bytes(" \n\t\n"), mode: .whitespace).isEmpty)
        #expect(MessageCleanup.clean(bytes("# nur Kommentar\n"), mode: .strip).isEmpty)
    }

    @Test func summaryJoinsTheFirstParagraph() {
        #expect(text(MessageCleanup.summary(of: bytes("\nErste Zeile\nzweite  \n\nRumpf\n"))) == "Erste Zeile zweite")
        #expect(MessageCleanup.summary(of: []).isEmpty)
    }
}
