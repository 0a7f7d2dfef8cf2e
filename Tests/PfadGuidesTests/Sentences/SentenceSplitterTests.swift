import PfadTestSupport
import Testing

@testable import PfadGuides

@Suite struct SentenceSplitterTests {
    @Test func thereAreEnoughHandWrittenCases() {
        #expect(SentenceCase.all.count >= 150)
    }

    @Test(arguments: SentenceCase.all)
    func splitsLikeAPerson(_ example: SentenceCase) {
        #expect(SentenceSplitter().sentences(example.input) == example.expected)
    }

    @Test func rangesLeaveNoGapAndIncludeTheSpaceAfter() {
        let text = Array("  Erster Satz.  Zweiter Satz! Dritter".utf8)
        let units = SentenceSplitter().split(text)
        // Byte offsets counted by hand: "  Erster Satz.  " is 16 bytes,
        // "Zweiter Satz! " 14, "Dritter" 7.
        #expect(units == [
            Sentence(range: 0..<16, content: 2..<14),
            Sentence(range: 16..<30, content: 16..<29),
            Sentence(range: 30..<37, content: 30..<37),
        ])
    }

    @Test func rangesAreInTheSlicesIndices() {
        let text = Array("xxÄnderung. Neu.".utf8)
        // "Änderung. " starts at byte 2 and is 11 bytes (Ä is two).
        let units = SentenceSplitter().split(text[2...])
        #expect(units == [
            Sentence(range: 2..<13, content: 2..<12),
            Sentence(range: 13..<17, content: 13..<17),
        ])
    }

    @Test func whiteSpaceAloneIsOneEmptyUnit() {
        #expect(SentenceSplitter().split(Array("  \n ".utf8)) == [Sentence(range: 0..<4, content: 0..<0)])
    }

    /// Seeded random German prose with abbreviations, numbers, quotes,
    /// list lines and invalid bytes: the units must cover it exactly.
    @Test func unitsCoverTheTextWithoutLosingOrRepeatingABytes() {
        var random = SeededGenerator(seed: 0x5F_5757)
        let pieces = [
            "Die ", "Stadt ", "plant ", "z. B. ", "Sensoren", ". ", "! ", "? ", "… ", "... ", "„Wann?“ ",
            "»Jetzt!« ", "\"Gut.\" ", "am 3. Oktober ", "1.000 ", "2,5 ", "https://olpe.de/a.b ",
            "info@menden.de", "\n", "\n\n", "\n- ", "\n1. ", "\n# ", "Nr. 5 ", "e. V. ", "usw. ", "Dr. ",
            "Bürger", "Ärger ", ":", "  ", "\u{A0}", "[…] ", "(", ")", "*", "Öl ", "ß",
        ]
        for _ in 0..<300 {
            var text: [UInt8] = []
            let length = Int(random.next() % 40)
            for _ in 0..<length {
                text += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8)
                if random.next() % 50 == 0 { text.append(0xC3) }  // a cut UTF-8 sequence
            }
            let units = SentenceSplitter().split(text)
            if text.isEmpty {
                #expect(units.isEmpty)
                continue
            }
            var covered: [UInt8] = []
            var expectedStart = 0
            for unit in units {
                #expect(unit.range.lowerBound == expectedStart)
                #expect(unit.content.lowerBound >= unit.range.lowerBound)
                #expect(unit.content.upperBound <= unit.range.upperBound)
                covered += text[unit.range]
                expectedStart = unit.range.upperBound
            }
            #expect(covered == text)
            #expect(units.dropFirst().allSatisfy { !$0.content.isEmpty })
        }
    }
}
