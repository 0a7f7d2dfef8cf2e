import PfadObjects
import PfadStore

/// Parsed commits and root trees of one history walk, numbered densely so
/// that walks keep their per-commit state in arrays.
///
/// Not thread-safe: one walk (or one merge-base computation) owns it.
/// Memory grows with the number of commits read, one parsed `Commit` each.
public final class CommitCache {
    /// The repository commits are read from.
    public let repository: Repository
    private var numbers: [ObjectID: Int] = [:]
    private(set) var ids: [ObjectID] = []
    private var commits: [Commit?] = []
    private var trees: [ObjectID: Tree] = [:]

    /// An empty cache over `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// The dense number of `id`, assigning the next one when new. O(1).
    func node(_ id: ObjectID) -> Int {
        if let n = numbers[id] { return n }
        let n = ids.count
        numbers[id] = n
        ids.append(id)
        commits.append(nil)
        return n
    }

    /// Number of nodes assigned so far.
    var count: Int { ids.count }

    /// The id of node `n`.
    func id(_ n: Int) -> ObjectID { ids[n] }

    /// The parsed commit of node `n`, read once.
    /// - Throws: `RepositoryError` when the object is missing or not a commit.
    func commit(_ n: Int) throws -> Commit {
        if let c = commits[n] { return c }
        let c = try repository.readCommit(ids[n])
        commits[n] = c
        return c
    }

    /// Reads and caches the commit `id`. One object read the first time.
    public func commit(_ id: ObjectID) throws -> Commit {
        try commit(node(id))
    }

    /// The parsed tree `id`, read once per walk.
    func tree(_ id: ObjectID) throws -> Tree {
        if let t = trees[id] { return t }
        let t = try repository.readTree(id)
        trees[id] = t
        return t
    }
}
