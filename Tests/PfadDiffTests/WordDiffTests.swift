import Testing
@testable import PfadDiff

@Suite struct WordDiffTests {
    // Inputs of a hand run of `git diff --no-index --word-diff[=porcelain]`
    // (git 2.39); expected texts pasted from its output.
    static let old = Array("Intro text here\nDie Straße führt über die Brücke.\nkeep\nkeep2\nEnde  gut\n".utf8)
    static let new = Array("Intro text here\nDie Straße führt unter der Brücke!\nkeep\nneue Zeile\nkeep2\nEnde gut, alles\n".utf8)

    @Test func plainWithGitWordsEqualsGit() {
        let out = WordDiff.render(TextDiff(old: Self.old, new: Self.new), tokenizer: .whitespace)
        let expected = """
            @@ -1,5 +1,6 @@
            Intro text here
            Die Straße führt [-über die Brücke.-]{+unter der Brücke!+}
            keep
            {+neue Zeile+}
            keep2
            Ende [-gut-]{+gut, alles+}

            """
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test func porcelainEqualsGit() {
        let old = Array("a b c\nx y z\nfoo\n".utf8)
        let new = Array("a c\nx y\nbar\n".utf8)
        let out = WordDiff.render(TextDiff(old: old, new: new), format: .porcelain, tokenizer: .whitespace)
        let expected = "@@ -1,3 +1,3 @@\n a\n-b\n  c\n~\n x y\n~\n-z\n~\n-foo\n+bar\n~\n"
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test func proseSplitterShowsOnlyTheChangedPunctuation() {
        // pfad's own default (no git counterpart): the word stays, only "." → "!" is marked.
        let out = WordDiff.render(TextDiff(old: Self.old, new: Self.new))
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("Die Straße führt [-über die-]{+unter der+} Brücke[-.-]{+!+}\n"))
        #expect(text.contains("Ende gut{+, alles+}\n"))
    }

    @Test func removedBlankLineShowsAsEmptyLine() {
        // git 2.39 prints an empty line for a removed blank line.
        let out = WordDiff.render(TextDiff(old: Array("a\n\nb\n".utf8), new: Array("a\nb\n".utf8)), tokenizer: .whitespace)
        #expect(String(decoding: out, as: UTF8.self) == "@@ -1,3 +1,2 @@\na\n\nb\n")
    }
}
