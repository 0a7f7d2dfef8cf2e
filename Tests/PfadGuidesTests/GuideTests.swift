import Testing

@testable import PfadGuides

@Suite struct GuideTests {
    /// The fixture with its front matter; the body starts on line 5.
    @Test func tiesFrontMatterBlocksAndSentencesTogether() throws {
        let guide = try Guide(path: "leitfaeden/07-sensoren.md", text: GuideFixture.file)
        // "---\n" (4) + "title: Sensoren im Ortskern\n" (28) + "number: 07\n" (11) + "---\n" (4).
        let offset = 47
        #expect(guide.path == Array("leitfaeden/07-sensoren.md".utf8))
        #expect(guide.frontMatter?.title == "Sensoren im Ortskern")
        #expect(guide.frontMatter?.number == "07")
        #expect(guide.body == offset..<guide.text.count)
        // Blocks keep the file's line numbers: the heading is on line 5.
        #expect(guide.blocks.first?.start == SourcePosition(line: 5, column: 1))
        #expect(guide.blocks.first?.range == offset..<(offset + 22))
        #expect(guide.blocks.map(\.kind) == [
            .heading(level: 1), .paragraph, .list(.bullet), .table, .blockQuote,
            .codeBlock(fenced: true, info: "text"), .codeBlock(fenced: false, info: ""), .htmlBlock, .thematicBreak,
        ])
        // Prose in document order: heading, paragraph, three item
        // paragraphs, four table cells, the quoted paragraph.
        #expect(guide.prose.map(\.block.kind) == [
            .heading(level: 1), .paragraph, .paragraph, .paragraph, .paragraph,
            .tableCell, .tableCell, .tableCell, .tableCell, .paragraph,
        ])
        let sentences = guide.prose.map { block in block.sentences.map { guide.string($0.sentence.content) } }
        #expect(sentences == [
            ["# Sensoren im Ortskern"],
            ["Die Stadt misst z. B. Lärm.", "Wer liest die Werte?"],
            ["Planung"], ["Umsetzung"], ["Montage"],
            ["Ort"], ["Zahl"], ["Olpe"], ["3"],
            ["Ein Zitat."],
        ])
        let words = guide.prose[1].sentences[0].words.map { guide.string($0) }
        #expect(words == ["Die", "Stadt", "misst", "z", ".", "B", ".", "Lärm", "."])
    }

    @Test func paragraphSentencesCoverTheParagraph() throws {
        let guide = try Guide(path: "a.md", text: GuideFixture.file)
        for block in guide.prose where block.block.kind == .paragraph || block.block.kind == .tableCell {
            let covered = block.sentences.flatMap { guide.text[$0.sentence.range] }
            #expect(covered == Array(guide.text[block.block.range]))
        }
    }

    @Test func aGuideWithoutFrontMatter() throws {
        let guide = try Guide(path: "b.md", text: "# Titel\n\n---\n")
        #expect(guide.frontMatter == nil)
        #expect(guide.body == 0..<13)
        #expect(guide.blocks.map(\.kind) == [.heading(level: 1), .thematicBreak])
    }

    @Test func frontMatterOnlyFile() throws {
        let guide = try Guide(path: "c.md", text: "---\ntitle: Leer\n---")
        #expect(guide.frontMatter?.title == "Leer")
        #expect(guide.blocks.isEmpty)
        #expect(guide.body == 19..<19)
    }

    @Test func brokenFrontMatterThrows() {
        #expect(throws: GuideError.unterminatedFrontMatter(line: 1)) {
            try Guide(path: "d.md", text: "---\ntitle: offen\n\n# Titel\n")
        }
    }
}
