/// A `--pretty`/`--format` choice (`Documentation/pretty-formats.txt`).
public enum PrettyFormat: Sendable, Equatable {
    /// `oneline`: `<abbrev> <subject>`.
    case oneline
    /// `short`: commit, merge, author and the subject.
    case short
    /// `medium` (the default): commit, merge, author, date, the message.
    case medium
    /// `full`: commit, merge, author, committer, the message.
    case full
    /// `fuller`: full with author and commit dates.
    case fuller
    /// `format:` (separator semantics) or `tformat:` (terminator
    /// semantics, also any `--format` value containing `%`).
    case template([UInt8], terminator: Bool)

    /// Parses a `--pretty=`/`--format=` value; nil for an unknown format name.
    public init?(_ value: String) {
        switch value {
        case "oneline": self = .oneline
        case "short": self = .short
        case "medium", "": self = .medium
        case "full": self = .full
        case "fuller": self = .fuller
        default:
            if value.hasPrefix("format:") {
                self = .template(Array(value.utf8.dropFirst(7)), terminator: false)
            } else if value.hasPrefix("tformat:") {
                self = .template(Array(value.utf8.dropFirst(8)), terminator: true)
            } else if value.contains("%") {
                self = .template(Array(value.utf8), terminator: true)
            } else {
                return nil
            }
        }
    }

    /// True for the multi-line formats that separate commits with a blank line.
    public var isBlockFormat: Bool {
        switch self {
        case .short, .medium, .full, .fuller: return true
        case .oneline, .template: return false
        }
    }
}
