import PfadObjects

/// Best common ancestors of two commits (`git merge-base --all`).
///
/// pfad's own small finder, used until the history layer's walker is
/// available: it marks every ancestor of both commits, then keeps the
/// common ancestors that are not the parent of another common ancestor
/// (the common set is closed under "parent of", so that is exactly
/// "not an ancestor of another one").
///
/// Time and memory: O(commits reachable from either side); every such
/// commit is read once.
public struct MergeBaseFinder {
    /// The repository the commits live in.
    public let repository: Repository

    /// Creates a finder.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// The merge bases of `a` and `b`, newest committer date first (ties by id).
    public func bases(_ a: ObjectID, _ b: ObjectID) throws -> [ObjectID] {
        var parents: [ObjectID: [ObjectID]] = [:]
        var dates: [ObjectID: Int64] = [:]
        let fromA = try ancestors(of: a, parents: &parents, dates: &dates)
        let fromB = try ancestors(of: b, parents: &parents, dates: &dates)
        let common = fromA.intersection(fromB)
        var redundant = Set<ObjectID>()
        for id in common {
            for parent in parents[id] ?? [] where common.contains(parent) { redundant.insert(parent) }
        }
        return common.subtracting(redundant).sorted {
            let l = dates[$0] ?? 0
            let r = dates[$1] ?? 0
            return l != r ? l > r : $0.hex < $1.hex
        }
    }

    /// True when `ancestor` is reachable from `descendant` (or equal).
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        var parents: [ObjectID: [ObjectID]] = [:]
        var dates: [ObjectID: Int64] = [:]
        return try ancestors(of: descendant, parents: &parents, dates: &dates).contains(ancestor)
    }

    private func ancestors(
        of start: ObjectID, parents: inout [ObjectID: [ObjectID]], dates: inout [ObjectID: Int64]
    ) throws -> Set<ObjectID> {
        var seen: Set<ObjectID> = [start]
        var stack = [start]
        while let id = stack.popLast() {
            let list: [ObjectID]
            if let known = parents[id] {
                list = known
            } else {
                let commit = try repository.readCommit(id)
                list = commit.parents
                parents[id] = list
                dates[id] = commit.committer.time
            }
            for parent in list where seen.insert(parent).inserted { stack.append(parent) }
        }
        return seen
    }
}
