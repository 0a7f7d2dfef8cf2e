import PfadDiff

/// A guide ("Leitfaden") read from its Markdown file: front matter, block
/// structure and the sentences of its prose, every part with its byte
/// range in `text`.
///
/// This is the model the prose merge, the review and the web interface
/// work on; it holds values only and never touches a repository.
public struct Guide: Sendable, Hashable {
    /// The file's path in the repository, as bytes.
    public var path: [UInt8]
    /// The whole file.
    public var text: [UInt8]
    /// The front matter, or nil when the file does not start with `---`.
    public var frontMatter: FrontMatter?
    /// The bytes of the Markdown body (after the front matter).
    public var body: Range<Int>
    /// The top-level Markdown blocks of the body.
    public var blocks: [MarkdownBlock]
    /// Every paragraph, heading and table cell, in document order, with
    /// its sentences.
    public var prose: [ProseBlock]

    /// Reads the guide at `path` whose file holds `text`. Throws
    /// `GuideError` for broken front matter. O(n) in the length of the text.
    public init(path: [UInt8], text: [UInt8]) throws {
        let (frontMatter, body) = try FrontMatter.split(text)
        // The front matter's lines, the closing delimiter included, are
        // hidden from cmark (else `---` would read as a thematic break).
        let closingLine = body.lowerBound > 0 ? LineIndex(text).line(of: body.lowerBound - 1) : 0
        let blocks = try MarkdownParser.blocks(in: text, hiddenLines: 1..<(closingLine + 1))
        self.path = path
        self.text = text
        self.frontMatter = frontMatter
        self.body = body
        self.blocks = blocks
        self.prose = Self.prose(in: blocks, text: text)
    }

    /// Reads a guide given as a string.
    public init(path: String, text: String) throws {
        try self.init(path: Array(path.utf8), text: Array(text.utf8))
    }

    /// The bytes of `range` as a string (lossy for invalid UTF-8).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    private static func prose(in blocks: [MarkdownBlock], text: [UInt8]) -> [ProseBlock] {
        let splitter = SentenceSplitter()
        var result: [ProseBlock] = []
        for block in blocks.flatMap(\.allBlocks) {
            let sentences: [Sentence]
            switch block.kind {
            case .paragraph, .tableCell:
                sentences = splitter.split(text[block.range])
            case .heading:
                sentences = [Sentence(range: block.range, content: trimmed(block.range, in: text))]
            default:
                continue
            }
            let withWords = sentences.map {
                ProseSentence(sentence: $0, words: WordTokenizer.prose.words(text[$0.content]))
            }
            result.append(ProseBlock(block: block, sentences: withWords))
        }
        return result
    }

    private static func trimmed(_ range: Range<Int>, in text: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) }
        while lower < upper, isSpace(text[lower]) { lower += 1 }
        while upper > lower, isSpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
