/// One block of a guide's Markdown, with where it stands in the source.
///
/// `range` is a byte range into the text that was parsed (the whole guide
/// file, front matter included), so `text[block.range]` is the block's
/// source exactly as written. Container blocks (lists, items, quotes,
/// tables, rows) have their blocks as `children`.
public struct MarkdownBlock: Sendable, Hashable {
    /// What the block is.
    public var kind: BlockKind
    /// Where the block starts (its first byte).
    public var start: SourcePosition
    /// Where the block ends (its last byte, inclusive, as cmark-gfm counts).
    public var end: SourcePosition
    /// The block's bytes in the parsed text, end exclusive.
    public var range: Range<Int>
    /// The blocks inside a container, in order; empty for leaf blocks.
    public var children: [MarkdownBlock]

    /// A block of `kind` spanning `range` (between `start` and `end`).
    public init(
        kind: BlockKind, start: SourcePosition, end: SourcePosition, range: Range<Int>,
        children: [MarkdownBlock] = []
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.range = range
        self.children = children
    }

    /// This block and every block inside it, depth first, parents before
    /// their children.
    public var allBlocks: [MarkdownBlock] {
        var result = [self]
        for child in children { result += child.allBlocks }
        return result
    }
}
