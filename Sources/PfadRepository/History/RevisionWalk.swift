import PfadObjects

/// A history walk in the manner of `git rev-list`/`git log`
/// (`Documentation/rev-list-options.txt`): the commits reachable from the
/// included tips and not from the excluded ones, optionally path-limited
/// with git's default history simplification, in one of git's orders.
///
/// Without excluded tips and in the default order the walk streams: each
/// `next()` reads only as far as needed (so `-n 10` on a long history reads
/// about ten commits). Excluded tips, `--topo-order` and `--date-order`
/// need the whole selected range first. Memory: one parsed commit per
/// commit read. Not thread-safe.
public final class RevisionWalk {
    /// Per-commit state bits.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let seen = Flags(rawValue: 1)
        static let uninteresting = Flags(rawValue: 2)
        static let processed = Flags(rawValue: 4)
        static let treesame = Flags(rawValue: 8)
        /// Queued while interesting: counted in `queuedInteresting`.
        static let countedInQueue = Flags(rawValue: 16)
    }

    /// The commit cache the walk reads through.
    public let cache: CommitCache
    /// The options the walk was made with.
    public let options: WalkOptions
    var flags: [Flags] = []
    /// The parents each processed commit's walk continued to (after
    /// `--first-parent` and path simplification).
    var followed: [[Int]] = []
    var dates: [Int64] = []
    var queue = CommitQueue()
    /// Queued commits not (yet) known to be uninteresting; a limited walk
    /// ends when this drops to zero. O(1) per change.
    private var queuedInteresting = 0
    private var limited: Bool
    private var prepared: [Int] = []
    private var preparedPosition = 0
    private var emitted = 0
    private var skipped = 0
    private var finished = false
    let pathSimplifier: PathSimplifier?

    /// A walk from `include` minus everything reachable from `exclude`.
    /// Ids must name commits (peel tags first).
    /// - Throws: `RepositoryError` when a tip cannot be read as a commit.
    public init(cache: CommitCache, include: [ObjectID], exclude: [ObjectID] = [], options: WalkOptions = WalkOptions()) throws {
        self.cache = cache
        self.options = options
        self.limited = !exclude.isEmpty || options.order != .default
        self.pathSimplifier = options.paths.isEmpty ? nil : PathSimplifier(paths: options.paths, cache: cache)
        var initial: [Int] = []
        for (id, negative) in include.map({ ($0, false) }) + exclude.map({ ($0, true) }) {
            let n = try load(id)
            if negative { flags[n].insert(.uninteresting) }
            if !flags[n].contains(.seen) {
                flags[n].insert(.seen)
                initial.append(n)
            }
        }
        // A stable sort by date, newest first: ties keep the order given.
        let ordered = initial.enumerated().sorted { a, b in
            dates[a.element] != dates[b.element] ? dates[a.element] > dates[b.element] : a.offset < b.offset
        }
        for (_, n) in ordered { push(n) }
        if options.reverse {
            var all: [Int] = []
            while let n = try nextNode() { all.append(n) }
            prepared = all.reversed()
            preparedPosition = 0
            limited = true
            finished = true
        }
    }

    /// The next commit to show, or nil at the end.
    /// - Throws: `RepositoryError` for missing or corrupt commits and trees.
    public func next() throws -> ObjectID? {
        if options.reverse {
            guard preparedPosition < prepared.count else { return nil }
            preparedPosition += 1
            return cache.id(prepared[preparedPosition - 1])
        }
        return try nextNode().map { cache.id($0) }
    }

    /// All remaining commits. O(walk).
    public func all() throws -> [ObjectID] {
        var out: [ObjectID] = []
        while let id = try next() { out.append(id) }
        return out
    }

    /// The parsed commit `id` from the walk's cache.
    public func commit(_ id: ObjectID) throws -> Commit {
        try cache.commit(id)
    }

    /// The parents the walk continued to from an emitted commit: all
    /// parents, the first only with `--first-parent`, the one it is
    /// TREESAME to under path limiting. Empty for commits not walked.
    public func parents(of id: ObjectID) -> [ObjectID] {
        let n = cache.node(id)
        guard n < followed.count else { return [] }
        return followed[n].map { cache.id($0) }
    }

    // MARK: - Walking

    /// Node number of `id` with its commit date loaded.
    func load(_ id: ObjectID) throws -> Int {
        let n = cache.node(id)
        while flags.count <= n {
            flags.append([])
            followed.append([])
            dates.append(0)
        }
        if dates[n] == 0 && !flags[n].contains(.seen) {
            dates[n] = try cache.commit(n).committer.time
        }
        return n
    }

    private func nextNode() throws -> Int? {
        if let max = options.maxCount, emitted >= max { return nil }
        while true {
            guard let n = try nextCandidate() else { return nil }
            if flags[n].contains(.uninteresting) { continue }
            if pathSimplifier != nil && flags[n].contains(.treesame) { continue }
            if options.minParents > 0 || options.maxParents != nil {
                let count = try cache.commit(n).parents.count
                if count < options.minParents || count > (options.maxParents ?? Int.max) { continue }
            }
            if skipped < options.skip {
                skipped += 1
                continue
            }
            emitted += 1
            return n
        }
    }

    /// The next commit of the walk before output filtering.
    private func nextCandidate() throws -> Int? {
        if !limited {
            guard let n = pop() else { return nil }
            try process(n)
            return n
        }
        if !finished {
            prepared = try limitedList()
            preparedPosition = 0
            finished = true
        }
        guard preparedPosition < prepared.count else { return nil }
        preparedPosition += 1
        return prepared[preparedPosition - 1]
    }

    /// Walks the whole selected range; the interesting commits in the order
    /// they left the date queue, then sorted when asked to.
    ///
    /// As git's `limit_list`: the walk only considers stopping after an
    /// uninteresting commit; it goes on while the queue holds interesting
    /// commits or commits at least as new as the last one listed, and then
    /// for five more uninteresting commits (git's "slop"), so that an
    /// uninteresting commit of the same date, still queued, can still mark
    /// a listed commit. Stopping as soon as no interesting commit is queued
    /// listed such commits.
    private func limitedList() throws -> [Int] {
        let fullSlop = 5
        var list: [Int] = []
        var lastListedDate = Int64.max
        var slop = fullSlop
        while let n = pop() {
            try process(n)
            if flags[n].contains(.uninteresting) {
                guard let next = queue.topDate else { break }
                if lastListedDate <= next || queuedInteresting > 0 {
                    slop = fullSlop
                } else {
                    slop -= 1
                }
                if slop > 0 { continue }
                break
            }
            lastListedDate = dates[n]
            list.append(n)
        }
        list.removeAll { flags[$0].contains(.uninteresting) }
        switch options.order {
        case .default: return list
        case .date, .topological: return topologicalSort(list)
        }
    }

    /// Reads `n`'s parents, decides path simplification, and queues the
    /// parents the walk continues to.
    private func process(_ n: Int) throws {
        guard !flags[n].contains(.processed) else { return }
        flags[n].insert(.processed)
        let commit = try cache.commit(n)
        var parents: [Int] = []
        for (i, p) in commit.parents.enumerated() {
            if options.firstParentOnly && i > 0 { break }
            parents.append(try load(p))
        }
        if flags[n].contains(.uninteresting) {
            followed[n] = parents
            for p in parents {
                markUninteresting(p)
                enqueue(p)
            }
            return
        }
        if let pathSimplifier {
            let (treesame, keep) = try pathSimplifier.simplify(commit: commit, parents: parents, walk: self)
            if treesame { flags[n].insert(.treesame) }
            parents = keep
        }
        followed[n] = parents
        for p in parents { enqueue(p) }
    }

    private func enqueue(_ p: Int) {
        guard !flags[p].contains(.seen) else { return }
        flags[p].insert(.seen)
        push(p)
    }

    private func push(_ n: Int) {
        if !flags[n].contains(.uninteresting) {
            flags[n].insert(.countedInQueue)
            queuedInteresting += 1
        }
        queue.push(n, date: dates[n])
    }

    private func pop() -> Int? {
        guard let n = queue.pop() else { return nil }
        if flags[n].contains(.countedInQueue) {
            flags[n].remove(.countedInQueue)
            queuedInteresting -= 1
        }
        return n
    }

    /// Marks `n` and, where already processed, its ancestors uninteresting.
    private func markUninteresting(_ n: Int) {
        var stack = [n]
        while let m = stack.popLast() {
            guard !flags[m].contains(.uninteresting) else { continue }
            flags[m].insert(.uninteresting)
            if flags[m].contains(.countedInQueue) {
                flags[m].remove(.countedInQueue)
                queuedInteresting -= 1
            }
            if flags[m].contains(.processed) { stack += followed[m] }
        }
    }
}
