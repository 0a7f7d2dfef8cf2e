/// Every failure of the guide model: Markdown that cmark-gfm could not
/// handle, and front matter that is not the YAML a guide may carry.
///
/// Line numbers are 1-based and count from the first line of the guide
/// file (the opening `---` is line 1).
public enum GuideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// cmark-gfm returned no document or no output (it only does so when it
    /// runs out of memory).
    case markdownFailed
    /// The front matter opens with `---` on line 1 but never closes.
    case unterminatedFrontMatter(line: Int)
    /// The YAML between the delimiters does not parse.
    case invalidYAML(line: Int, column: Int, problem: String)
    /// The front matter is YAML, but not a mapping of keys to values.
    case frontMatterNotAMapping(line: Int)
    /// A top-level key is not a plain string (for example a sequence).
    case invalidKey(line: Int)
    /// A top-level key appears twice.
    case duplicateKey(String, line: Int)
    /// A known key holds a value of the wrong shape (a list where a single
    /// string belongs, or a mapping where a list belongs).
    case wrongValueType(key: String, line: Int, expected: String)
    /// A key given to `setting` or `removing` cannot be written as a plain
    /// top-level YAML key.
    case unwritableKey(String)

    /// A one-line, human-readable message.
    public var description: String {
        switch self {
        case .markdownFailed:
            return "cmark-gfm could not parse the document"
        case let .unterminatedFrontMatter(line):
            return "front matter opened on line \(line) is not closed by ---"
        case let .invalidYAML(line, column, problem):
            return "front matter line \(line), column \(column): \(problem)"
        case let .frontMatterNotAMapping(line):
            return "front matter line \(line): expected key: value pairs"
        case let .invalidKey(line):
            return "front matter line \(line): a key must be a plain string"
        case let .duplicateKey(key, line):
            return "front matter line \(line): duplicate key '\(key)'"
        case let .wrongValueType(key, line, expected):
            return "front matter line \(line): '\(key)' must be \(expected)"
        case let .unwritableKey(key):
            return "cannot write front matter key '\(key)'"
        }
    }
}
