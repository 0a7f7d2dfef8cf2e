import PfadObjects

/// One commit of a history walk: its id and its parsed content.
public struct LogEntry: Sendable, Hashable {
    /// The commit's id.
    public var id: ObjectID
    /// The commit (tree, parents, author, committer, message).
    public var commit: Commit

    /// An entry for `commit` with id `id`.
    public init(id: ObjectID, commit: Commit) {
        self.id = id
        self.commit = commit
    }
}
