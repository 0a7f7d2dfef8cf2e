/// One unit of a guide's body that the guide merge aligns, moves and
/// merges as a whole: a top-level block, or one item of a top-level list.
///
/// The body of a guide is its chunks with the bytes between them (`gaps`:
/// blank lines, line breaks, anything cmark keeps outside blocks); a chunk's
/// own bytes are its words (as `WordTokenizer.prose` cuts them) and the
/// white space between them.
struct MergeChunk: Sendable, Hashable {
    /// What the chunk is, for alignment: only chunks of one class are
    /// paired by similarity.
    enum Kind: Sendable, Hashable {
        case heading, paragraph, listItem, code, other
    }

    /// The chunk's class.
    var kind: Kind
    /// The chunk's bytes in its version's text.
    var range: Range<Int>
    /// The chunk's words (ranges in the version's text).
    var words: Range<Int>
}

extension MergeChunk.Kind {
    /// The class of a top-level block or list item.
    init(_ kind: BlockKind) {
        switch kind {
        case .heading: self = .heading
        case .paragraph: self = .paragraph
        case .listItem: self = .listItem
        case .codeBlock, .htmlBlock: self = .code
        default: self = .other
        }
    }

    /// Whether chunks of this class are merged word by word (prose) rather
    /// than only taken whole.
    var isProse: Bool { self != .code }
}
