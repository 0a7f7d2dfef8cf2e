import PfadTestSupport
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

    @Test func segmentsRebuildTheNewText() {
        var rng = SeededGenerator(seed: 17)
        let words = ["Die", "Straße", "über", "Brücke", ".", ",", " ", "  ", "\n", "Rad-", "und", "Nord-Süd"]
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0..<20, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            let new = (0..<Int.random(in: 1..<20, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            let segments = WordDiff.segments(old: Array(old.utf8), new: Array(new.utf8))
            var rebuilt: [UInt8] = []
            for segment in segments {
                switch segment {
                case let .common(text), let .added(text): rebuilt += text
                case .deleted: break
                }
            }
            #expect(rebuilt == Array(new.utf8), "\(old) -> \(new)")
        }
    }

    @Test func segmentsMarkTheChangedWordOnly() {
        let segments = WordDiff.segments(
            old: Array("Die Brücke über die Ruhr ist gesperrt.".utf8),
            new: Array("Die Brücke über die Ruhr ist geöffnet.".utf8))
        #expect(segments == [
            .common(Array("Die Brücke über die Ruhr ist ".utf8)), .deleted(Array("gesperrt".utf8)),
            .added(Array("geöffnet".utf8)), .common(Array(".".utf8)),
        ])
    }
}
