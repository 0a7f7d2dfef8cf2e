import PfadDiff

/// One of the three inputs of a guide merge, cut into what the merge
/// works on: the front matter, the body's chunks and the gaps between
/// them, and every chunk's words with interned ids.
struct MergeVersion {
    /// The whole file.
    var text: [UInt8]
    /// The parsed front matter, if any.
    var frontMatter: FrontMatter?
    /// The bytes of the front matter (empty range when there is none).
    var frontMatterRange: Range<Int>
    /// The body's chunks in order.
    var chunks: [MergeChunk]
    /// `gaps[k]` is the bytes before chunk `k`; `gaps[chunks.count]` the
    /// bytes after the last one, up to the end of the file.
    var gaps: [Range<Int>]
    /// Every word of every chunk, in order (`MergeChunk.words` indexes it).
    var words: [Range<Int>]
    /// The interned id of each word (equal bytes, equal ids across the
    /// three versions).
    var wordIDs: [Int32]
    /// Each chunk's words as one id (its class and its word ids: equal
    /// for chunks that differ only in white space).
    var chunkKeys: [Int32]

    /// Reads `text` as a guide. Throws `GuideError` when the front matter
    /// is broken.
    init(_ text: [UInt8], words interner: inout LineInterner, keys: inout [ChunkKey: Int32]) throws {
        // As `Guide` reads a file, without its sentences (not needed here).
        let (frontMatter, body) = try FrontMatter.split(text)
        let closingLine = body.lowerBound > 0 ? LineIndex(text).line(of: body.lowerBound - 1) : 0
        let blocks = try MarkdownParser.blocks(in: text, hiddenLines: 1..<(closingLine + 1))
        self.text = text
        self.frontMatter = frontMatter
        frontMatterRange = 0..<body.lowerBound
        var chunkRanges: [(MergeChunk.Kind, Range<Int>)] = []
        for block in blocks {
            if case .list = block.kind {
                for item in block.children { chunkRanges.append((MergeChunk.Kind(item.kind), item.range)) }
            } else {
                chunkRanges.append((MergeChunk.Kind(block.kind), block.range))
            }
        }
        var chunks: [MergeChunk] = []
        var gaps: [Range<Int>] = []
        var words: [Range<Int>] = []
        var position = body.lowerBound
        for (kind, range) in chunkRanges where range.lowerBound >= position && range.upperBound <= text.count {
            gaps.append(position..<range.lowerBound)
            let first = words.count
            words += WordTokenizer.prose.words(text[range])
            chunks.append(MergeChunk(kind: kind, range: range, words: first..<words.count))
            position = range.upperBound
        }
        gaps.append(position..<text.count)
        self.chunks = chunks
        self.gaps = gaps
        self.words = words
        let ids = interner.intern(text, ranges: words)
        wordIDs = ids
        chunkKeys = chunks.map { chunk in
            let key = ChunkKey(kind: chunk.kind, words: Array(ids[chunk.words]))
            if let id = keys[key] { return id }
            let id = Int32(keys.count)
            keys[key] = id
            return id
        }
    }

    /// Word counts of the whole file (the front matter's words and the
    /// chunks' words; the gaps are white space when `chunksCoverBody`).
    var wordCounts: [ArraySlice<UInt8>: Int] {
        var counts = WordCensus.counts(Array(text[frontMatterRange]))
        for range in words { counts[text[range], default: 0] += 1 }
        return counts
    }

    /// Whether the chunks hold every visible byte of the body: the gaps
    /// between them are white space only. When cmark reports positions
    /// that leave text outside every block (link definitions, or the
    /// positions of a paragraph a table interrupted), the guide merge
    /// cannot promise to keep that text and steps aside.
    var chunksCoverBody: Bool {
        gaps.allSatisfy { GapChoice.isWhiteSpace(text[$0]) }
    }

    /// The bytes of `range`.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { text[range] }

    /// The bytes of chunk `index`.
    func chunkBytes(_ index: Int) -> ArraySlice<UInt8> { text[chunks[index].range] }
}

/// What makes two chunks "the same apart from white space".
struct ChunkKey: Hashable {
    var kind: MergeChunk.Kind
    var words: [Int32]
}
