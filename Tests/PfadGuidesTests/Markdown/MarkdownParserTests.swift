import Testing

@testable import PfadGuides

@Suite struct MarkdownParserTests {
    private func block(
        _ kind: BlockKind, _ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int,
        _ range: Range<Int>, _ children: [MarkdownBlock] = []
    ) -> MarkdownBlock {
        MarkdownBlock(
            kind: kind, start: SourcePosition(line: startLine, column: startColumn),
            end: SourcePosition(line: endLine, column: endColumn), range: range, children: children)
    }

    /// Every block kind with positions and byte ranges counted by hand.
    /// Line starts in `GuideFixture.body` (bytes): 1→0, 3→24, 5→75, 6→85,
    /// 7→97, 9→111, 11→141, 13→155, 15→169, 19→186, 21→203, 23→223
    /// ("Lärm" and "eingerückt" have one two-byte letter each). cmark ends a
    /// block that runs into a blank line at column 0 of the next line.
    @Test func blocksOfAGuideWithEveryKind() throws {
        let text = Array(GuideFixture.body.utf8)
        let blocks = try MarkdownParser.blocks(in: text)
        let expected = [
            block(.heading(level: 1), 1, 1, 1, 22, 0..<22),
            block(.paragraph, 3, 1, 3, 49, 24..<73),
            block(.list(.bullet), 5, 1, 8, 0, 75..<109, [
                block(.listItem(.bullet), 5, 1, 5, 9, 75..<84, [block(.paragraph, 5, 3, 5, 9, 77..<84)]),
                block(.listItem(.bullet), 6, 1, 8, 0, 85..<109, [
                    block(.paragraph, 6, 3, 6, 11, 87..<96),
                    block(.list(.ordered(start: 1)), 7, 3, 8, 0, 99..<109, [
                        block(.listItem(.ordered(start: 1)), 7, 3, 8, 0, 99..<109, [
                            block(.paragraph, 7, 6, 7, 12, 102..<109)
                        ])
                    ]),
                ]),
            ]),
            block(.table, 9, 1, 11, 12, 111..<153, [
                block(.tableRow(header: true), 9, 1, 9, 14, 111..<125, [
                    block(.tableCell, 9, 2, 9, 6, 112..<117),
                    block(.tableCell, 9, 8, 9, 13, 118..<124),
                ]),
                block(.tableRow(header: false), 11, 1, 11, 12, 141..<153, [
                    block(.tableCell, 11, 2, 11, 7, 142..<148),
                    block(.tableCell, 11, 9, 11, 11, 149..<152),
                ]),
            ]),
            block(.blockQuote, 13, 1, 13, 12, 155..<167, [block(.paragraph, 13, 3, 13, 12, 157..<167)]),
            block(.codeBlock(fenced: true, info: "text"), 15, 1, 17, 3, 169..<184),
            block(.codeBlock(fenced: false, info: ""), 19, 5, 20, 0, 190..<201),
            block(.htmlBlock, 21, 1, 21, 18, 203..<221),
            block(.thematicBreak, 23, 1, 23, 3, 223..<226),
        ]
        #expect(blocks == expected)
        // The ranges cut the source text as written.
        #expect(String(decoding: text[blocks[1].range], as: UTF8.self) == "Die Stadt misst z. B. Lärm. Wer liest die Werte?")
        #expect(String(decoding: text[blocks[3].children[1].children[0].range], as: UTF8.self) == " Olpe ")
    }

    @Test func setextHeadingAndNestedQuote() throws {
        let text = Array("Titel\n=====\n\n> > innen\n".utf8)
        let blocks = try MarkdownParser.blocks(in: text)
        #expect(blocks.map(\.kind) == [.heading(level: 1), .blockQuote])
        #expect(blocks[0].range == 0..<11)
        #expect(blocks[1].children.map(\.kind) == [.blockQuote])
        #expect(blocks[1].children[0].children[0].range == 17..<22)
    }

    @Test func hiddenLinesKeepNumbersAndOffsets() throws {
        let text = Array("---\ntitle: X\n---\nText\n".utf8)
        let blocks = try MarkdownParser.blocks(in: text, hiddenLines: 1..<4)
        #expect(blocks == [block(.paragraph, 4, 1, 4, 4, 17..<21)])
    }

    @Test func emptyTextHasNoBlocks() throws {
        #expect(try MarkdownParser.blocks(in: []) == [])
    }

    @Test func lastLineWithoutNewline() throws {
        let blocks = try MarkdownParser.blocks(in: Array("Eins\n\nZwei".utf8))
        #expect(blocks.map(\.range) == [0..<4, 6..<10])
    }
}
