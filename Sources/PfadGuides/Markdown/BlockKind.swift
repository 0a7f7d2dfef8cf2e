/// What a Markdown block is. Inline content (emphasis, links, code spans)
/// is not modelled: a paragraph's inline text is its byte range.
public enum BlockKind: Sendable, Hashable {
    /// An ATX (`## …`) or setext heading of `level` 1 to 6.
    case heading(level: Int)
    /// A paragraph.
    case paragraph
    /// A list; its children are `.listItem`s of the same kind.
    case list(ListKind)
    /// One item of a list of `kind`; its children are the item's blocks
    /// (paragraphs, nested lists, …).
    case listItem(ListKind)
    /// A GFM table; its children are `.tableRow`s.
    case table
    /// A table row (`header` for the first row, above the delimiter row);
    /// its children are `.tableCell`s.
    case tableRow(header: Bool)
    /// One cell of a table row. Its range includes the padding spaces
    /// between the pipes.
    case tableCell
    /// A `>` block quote; its children are the quoted blocks.
    case blockQuote
    /// A fenced (```` ``` ````, `~~~`) code block with its info string, or an
    /// indented one (`fenced == false`, empty `info`).
    case codeBlock(fenced: Bool, info: String)
    /// A raw HTML block.
    case htmlBlock
    /// `---`, `***` or `___` on a line of its own.
    case thematicBreak
}
