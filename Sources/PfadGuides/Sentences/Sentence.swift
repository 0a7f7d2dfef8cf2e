/// One sentence unit of a paragraph's text.
///
/// The `range`s of all units of a text follow each other without gap or
/// overlap and cover the whole text: white space between two sentences
/// belongs to the one before (and white space before the first sentence
/// to the first). `content` is the unit without that white space.
public struct Sentence: Sendable, Hashable {
    /// The unit's bytes including the white space after it.
    public var range: Range<Int>
    /// The unit's bytes without leading and trailing white space.
    public var content: Range<Int>

    /// A unit covering `range`, whose text proper is `content`.
    public init(range: Range<Int>, content: Range<Int>) {
        self.range = range
        self.content = content
    }
}
