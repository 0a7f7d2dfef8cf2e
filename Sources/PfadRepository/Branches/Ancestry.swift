import PfadObjects

/// Commit ancestry questions answered by walking parents.
///
/// A small helper of the branch layer (`branch -d` asks it); the history
/// layer's merge-base should replace it when both meet.
public struct Ancestry {
    /// The repository whose commits are walked.
    public let repository: Repository

    /// Ancestry in `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// True when `ancestor` is `descendant` or reachable from it through
    /// parents. Breadth-first; O(commits reachable from `descendant`), each
    /// commit read once, so cycles in hostile data cannot loop.
    /// Stops early below the commit date of `ancestor` minus a day of slack
    /// only if dates are monotonic — it does not: correctness first.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var seen: Set<ObjectID> = [descendant]
        var queue: [ObjectID] = [descendant]
        var next = 0
        while next < queue.count {
            let commit = try repository.readCommit(queue[next])
            next += 1
            for parent in commit.parents {
                if parent == ancestor { return true }
                if seen.insert(parent).inserted { queue.append(parent) }
            }
        }
        return false
    }
}
