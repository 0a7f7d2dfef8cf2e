import PfadObjects

/// What blame shows about a commit that owns lines: its identities, its
/// subject, whether it is a boundary and where its version of the file
/// came from (git's `previous` line).
public struct BlameCommitInfo: Sendable, Hashable {
    /// The commit (null id for the work tree's uncommitted version).
    public var id: ObjectID
    /// Author name, email, time and zone.
    public var author: Signature
    /// Committer name, email, time and zone.
    public var committer: Signature
    /// The first line of the message.
    public var summary: [UInt8]
    /// True for root commits (unless `showRoot`), shown with `^` and a
    /// `boundary` line.
    public var isBoundary: Bool
    /// The first parent holding the file (possibly under an older name),
    /// with that path; nil for roots and boundaries.
    public var previous: (commit: ObjectID, path: [UInt8])? {
        get { previousCommit.map { ($0, previousPath) } }
        set {
            previousCommit = newValue?.commit
            previousPath = newValue?.path ?? []
        }
    }
    private var previousCommit: ObjectID?
    private var previousPath: [UInt8] = []

    /// Creates the information for one commit.
    public init(
        id: ObjectID, author: Signature, committer: Signature, summary: [UInt8], isBoundary: Bool,
        previous: (commit: ObjectID, path: [UInt8])?
    ) {
        self.id = id
        self.author = author
        self.committer = committer
        self.summary = summary
        self.isBoundary = isBoundary
        self.previous = previous
    }

    /// The first line of a commit message, as blame's `summary` shows it.
    public static func summaryLine(of message: [UInt8]) -> [UInt8] {
        var start = message.startIndex
        // Leading blank lines are not part of the subject.
        while start < message.endIndex, message[start] == 0x0A { start += 1 }
        let end = message[start...].firstIndex(of: 0x0A) ?? message.endIndex
        return Array(message[start..<end])
    }
}
