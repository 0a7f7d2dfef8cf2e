import PfadObjects

/// A small merge-base search for `diff A...B` (to be replaced by the
/// history module's once it exists): the common ancestors of `a` and `b`
/// that are not ancestors of another common ancestor, best first.
public enum DiffMergeBase {
    /// The merge bases of two commits; empty when they share no history.
    /// Time and memory O(commits reachable from `a` and `b`).
    public static func find(_ a: ObjectID, _ b: ObjectID, in repository: Repository) throws -> [ObjectID] {
        let fromA = try ancestors(of: [a], in: repository)
        // Walk from b, not beyond commits a can reach: those are candidates.
        var candidates: [ObjectID] = []
        var seen: Set<ObjectID> = [b]
        var queue: [ObjectID] = [b]
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            if fromA.contains(id) {
                candidates.append(id)
                continue
            }
            for parent in try repository.readCommit(id).parents where seen.insert(parent).inserted {
                queue.append(parent)
            }
        }
        guard candidates.count > 1 else { return candidates }
        // Drop candidates reachable from another candidate.
        var redundant = Set<ObjectID>()
        for c in candidates where !redundant.contains(c) {
            let parents = try repository.readCommit(c).parents
            let below = try ancestors(of: parents, in: repository)
            for other in candidates where other != c && below.contains(other) { redundant.insert(other) }
        }
        return candidates.filter { !redundant.contains($0) }
    }

    static func ancestors(of starts: [ObjectID], in repository: Repository) throws
        -> Set<ObjectID>
    {
        var seen = Set(starts)
        var stack = starts
        while let id = stack.popLast() {
            for parent in try repository.readCommit(id).parents where seen.insert(parent).inserted {
                stack.append(parent)
            }
        }
        return seen
    }
}
