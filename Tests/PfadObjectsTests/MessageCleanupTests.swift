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

    @Test func commentBetweenBlankLinesLeavesOneBlank() {
        // printf 'a\n\n#c\n\nb' | git stripspace -s  ->  "a\n\nb\n"
        #expect(text(MessageCleanup.clean(bytes("a\n\n#c\n\nb"), mode: .strip)) == "a\n\nb\n")
    }

    @Test func onlyGitsWhitespaceIsTrimmed() {
        // printf 'a\r\n\v\n\nb \f\n' | git stripspace  ->  "a\n\v\n\nb \f\n"
        let input: [UInt8] = [0x61, 0x0D, 0x0A, 0x0B, 0x0A, 0x0A, 0x62, 0x20, 0x0C, 0x0A]
        #expect(MessageCleanup.clean(input, mode: .whitespace) == [0x61, 0x0A, 0x0B, 0x0A, 0x0A, 0x62, 0x20, 0x0C, 0x0A])
    }

    @Test func summaryMatchesGitLogSubject() {
        // git log -1 --format='[%s]' on commits made with `git commit-tree -F`:
        // "\n \n  Erste Zeile  \n   zweite\tx  \n \nRumpf\n" -> "[  Erste Zeile    zweite\tx]"
        #expect(text(MessageCleanup.summary(of: bytes("\n \n  Erste Zeile  \n   zweite\tx  \n \nRumpf\n")))
            == "  Erste Zeile    zweite\tx")
        // "Eins\r\nzwei\n" -> "[Eins zwei]"
        #expect(text(MessageCleanup.summary(of: bytes("Eins\r\nzwei\n"))) == "Eins zwei")
        #expect(MessageCleanup.summary(of: []).isEmpty)
    }
}
