/// One top-level key of a guide's front matter with the lines it was
/// written on.
///
/// `source` is the key's lines exactly as in the file (the key line and the
/// indented or continued lines of its value, each with its newline);
/// `trailing` is the blank and comment lines after it, up to the next key.
/// Serialising a front matter writes these bytes back unchanged, so an
/// entry that nobody edits keeps its quoting, comments and spacing.
public struct FrontMatterEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The key's value.
    public var value: FrontMatterValue
    /// The 1-based line of the key in the guide file.
    public var line: Int
    /// The key's lines, exactly as written.
    public var source: [UInt8]
    /// Blank lines and column-0 comment lines after the key.
    public var trailing: [UInt8]

    /// An entry for `key` written as `source` (plus `trailing` lines).
    public init(key: String, value: FrontMatterValue, line: Int, source: [UInt8], trailing: [UInt8] = []) {
        self.key = key
        self.value = value
        self.line = line
        self.source = source
        self.trailing = trailing
    }
}
