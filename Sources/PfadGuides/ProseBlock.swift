/// A block of a guide that holds prose — a paragraph, a heading or a
/// table cell — with its sentence units.
///
/// A paragraph's and a table cell's sentences cover the block's range
/// exactly (see `Sentence`); a heading is always one unit. Paragraphs in
/// list items and block quotes are prose blocks of their own, so a list
/// item never shares a unit with the text around its list.
public struct ProseBlock: Sendable, Hashable {
    /// The block (its kind and range in the guide file).
    public var block: MarkdownBlock
    /// The block's sentence units, in order.
    public var sentences: [ProseSentence]

    /// A prose block with its sentences.
    public init(block: MarkdownBlock, sentences: [ProseSentence]) {
        self.block = block
        self.sentences = sentences
    }
}
