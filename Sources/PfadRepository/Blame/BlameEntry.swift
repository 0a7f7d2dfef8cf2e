import PfadObjects

/// A run of consecutive lines of the blamed file that one commit is
/// responsible for, with consecutive line numbers in that commit's version
/// of the file (git's "blame entry" / porcelain group).
public struct BlameEntry: Sendable, Hashable {
    /// First line in the final file (0-based).
    public var finalStart: Int
    /// Number of lines.
    public var count: Int
    /// First line in the blamed commit's version of the file (0-based).
    public var sourceStart: Int
    /// The commit that introduced these lines (the null id for lines not
    /// committed yet).
    public var commit: ObjectID
    /// The file's path in that commit (differs from the final path across renames).
    public var path: [UInt8]

    /// Creates an entry.
    public init(finalStart: Int, count: Int, sourceStart: Int, commit: ObjectID, path: [UInt8]) {
        self.finalStart = finalStart
        self.count = count
        self.sourceStart = sourceStart
        self.commit = commit
        self.path = path
    }

    /// One past the last final line.
    public var finalEnd: Int { finalStart + count }
}
