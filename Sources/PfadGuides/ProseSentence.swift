/// A sentence unit of a guide's prose with its words.
public struct ProseSentence: Sendable, Hashable {
    /// The unit's ranges in the guide file.
    public var sentence: Sentence
    /// The words of the sentence's content (byte ranges in the guide file),
    /// as `WordTokenizer.prose` splits them: letters and digits with inner
    /// hyphens form words, every punctuation mark is a word of its own.
    public var words: [Range<Int>]

    /// A sentence with its words.
    public init(sentence: Sentence, words: [Range<Int>]) {
        self.sentence = sentence
        self.words = words
    }
}
