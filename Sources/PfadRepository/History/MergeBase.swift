import PfadObjects

/// Best common ancestors, as `git merge-base` finds them
/// (`Documentation/git-merge-base.txt`): common ancestors of `one` and all
/// of `others` that are not ancestors of another common ancestor.
///
/// The two sides are painted downwards in commit-date order; a commit
/// reached from both sides is a candidate and its ancestors are painted
/// stale; the walk ends when only stale commits are queued. Candidates
/// reachable from other candidates are then dropped. O(commits between the
/// tips and their bases) reads, plus one ancestry walk per candidate pair
/// when there are several candidates.
public struct MergeBase {
    /// The cache commits are read through.
    public let cache: CommitCache

    /// A merge-base finder reading through `cache`.
    public init(cache: CommitCache) {
        self.cache = cache
    }

    private struct Paint: OptionSet {
        let rawValue: UInt8
        static let one = Paint(rawValue: 1)
        static let two = Paint(rawValue: 2)
        static let stale = Paint(rawValue: 4)
        static let result = Paint(rawValue: 8)
    }

    /// The best common ancestors of `one` and `others` (`others` taken as
    /// one side, like a merge of them), newest commit date first.
    /// - Throws: `RepositoryError` for unreadable commits.
    public func bases(_ one: ObjectID, _ others: [ObjectID]) throws -> [ObjectID] {
        if others.contains(one) { return [one] }
        var paint: [Int: Paint] = [:]
        var queue = CommitQueue()
        var dates: [Int: Int64] = [:]
        func date(_ n: Int) throws -> Int64 {
            if let d = dates[n] { return d }
            let d = try cache.commit(n).committer.time
            dates[n] = d
            return d
        }
        let first = cache.node(one)
        paint[first] = .one
        queue.push(first, date: try date(first))
        for other in others {
            let n = cache.node(other)
            if paint[n] == nil { queue.push(n, date: try date(n)) }
            paint[n, default: []].insert(.two)
        }
        var candidates: [Int] = []
        while !queue.isEmpty {
            if queue.nodes.allSatisfy({ paint[$0, default: []].contains(.stale) }) { break }
            guard let n = queue.pop() else { break }
            var flags = paint[n, default: []].intersection([.one, .two, .stale])
            if flags.isSuperset(of: [.one, .two]) {
                if !paint[n, default: []].contains(.result) && !flags.contains(.stale) {
                    paint[n, default: []].insert(.result)
                    candidates.append(n)
                }
                flags.insert(.stale)
            }
            for parentID in try cache.commit(n).parents {
                let p = cache.node(parentID)
                let have = paint[p, default: []]
                if have.isSuperset(of: flags) { continue }
                paint[p] = have.union(flags)
                queue.push(p, date: try date(p))
            }
        }
        let best = try removeRedundant(candidates)
        let ordered = try best.enumerated().sorted { a, b in
            let da = try date(a.element), db = try date(b.element)
            return da != db ? da > db : a.offset < b.offset
        }
        return ordered.map { cache.id($0.element) }
    }

    /// Whether `ancestor` is reachable from `descendant` (a commit is its
    /// own ancestor). Reads at most every ancestor of `descendant`.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        try reachable(from: cache.node(descendant), targets: [cache.node(ancestor)]).contains(cache.node(ancestor))
    }

    /// Candidates not reachable from another candidate.
    private func removeRedundant(_ candidates: [Int]) throws -> [Int] {
        guard candidates.count > 1 else { return candidates }
        var redundant = Set<Int>()
        for c in candidates where !redundant.contains(c) {
            let others = Set(candidates.filter { $0 != c && !redundant.contains($0) })
            let found = try reachable(from: c, targets: others, skipStart: true)
            redundant.formUnion(found)
        }
        return candidates.filter { !redundant.contains($0) }
    }

    /// The members of `targets` reachable from `start`.
    private func reachable(from start: Int, targets: Set<Int>, skipStart: Bool = false) throws -> Set<Int> {
        var found = Set<Int>()
        var visited: Set<Int> = [start]
        var stack = [start]
        if !skipStart, targets.contains(start) { found.insert(start) }
        while let n = stack.popLast(), found.count < targets.count {
            for parentID in try cache.commit(n).parents {
                let p = cache.node(parentID)
                guard visited.insert(p).inserted else { continue }
                if targets.contains(p) { found.insert(p) }
                stack.append(p)
            }
        }
        return found
    }
}
