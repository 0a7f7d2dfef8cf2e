/// A place in a guide's text as cmark-gfm reports it: 1-based line and
/// 1-based byte column.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based byte column within the line.
    public var column: Int

    /// A position at `line`, `column` (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
