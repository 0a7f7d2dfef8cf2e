/// One `-L` argument in its numeric forms: `a,b`, `a,+n`, `a,-n`, `a`,
/// `,b` (line numbers 1-based, as in `git blame -L`).
public struct BlameLineRange: Sendable, Hashable {
    /// The forms of the part after the comma.
    public enum End: Sendable, Hashable {
        /// To the end of the file.
        case endOfFile
        /// An absolute line number.
        case line(Int)
        /// `+n`: n lines starting at the start.
        case forward(Int)
        /// `-n`: n lines ending at the start.
        case backward(Int)
    }

    /// Start line (1-based); nil for `,b` (line 1).
    public var start: Int?
    /// The end.
    public var end: End

    /// Parses the text of `-L`; nil when the form is not supported (regex and
    /// function forms are not implemented).
    public init?(_ text: String) {
        let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        if first.isEmpty {
            start = nil
        } else {
            guard first.allSatisfy(\.isASCII), let n = Int(first), n >= 0 else { return nil }
            start = n
        }
        if parts.count == 1 {
            guard start != nil else { return nil }
            end = .endOfFile
            return
        }
        let second = parts[1]
        if second.isEmpty {
            end = .endOfFile
        } else if second.hasPrefix("+"), let n = Int(second.dropFirst()), n >= 0 {
            end = .forward(n)
        } else if second.hasPrefix("-"), let n = Int(second.dropFirst()), n >= 0 {
            end = .backward(n)
        } else if second.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(second) {
            end = .line(n)
        } else {
            return nil
        }
    }

    /// The 0-based line range this selects in a file of `lineCount` lines,
    /// as git resolves it: bounds are swapped when reversed, the end is cut
    /// at the file's end.
    /// - Throws: `RepositoryError.other` with git's wording for line 0 or a
    ///   start past the end.
    public func resolve(lineCount: Int, path: String) throws -> Range<Int> {
        let first = start ?? 1
        if first == 0 { throw RepositoryError.other("-L invalid line number: 0") }
        var low = first
        var high: Int
        switch end {
        case .endOfFile: high = lineCount
        case .line(let n):
            if n == 0 { throw RepositoryError.other("-L invalid line number: 0") }
            high = n
        case .forward(let n):
            if n == 0 { throw RepositoryError.other("-L invalid empty range") }
            let (sum, overflow) = first.addingReportingOverflow(n - 1)
            high = overflow ? Int.max : sum
        case .backward(let n):
            if n == 0 { throw RepositoryError.other("-L invalid empty range") }
            high = first
            low = max(1, first - n + 1)
        }
        if high < low { swap(&low, &high) }
        if low > lineCount { throw RepositoryError.other("file \(path) has only \(lineCount) line\(lineCount == 1 ? "" : "s")") }
        high = min(high, lineCount)
        return (low - 1)..<high
    }
}
