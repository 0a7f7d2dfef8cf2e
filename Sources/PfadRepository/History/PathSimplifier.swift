import PfadObjects

/// Decides git's default history simplification for path-limited walks
/// (`Documentation/rev-list-options.txt`, "History Simplification",
/// default mode): a commit is TREESAME to a parent when the entries at
/// every limiting path are equal in both trees; a commit TREESAME to some
/// parent is not shown and the walk follows only the first such parent; a
/// root commit is TREESAME when none of the paths exists in its tree.
///
/// Comparison descends only along the limiting paths and stops at the
/// first equal subtree id, so a check costs a few tree reads.
struct PathSimplifier {
    /// Limiting paths split into components.
    let paths: [[[UInt8]]]
    let cache: CommitCache

    init(paths: [[UInt8]], cache: CommitCache) {
        self.paths = paths.map { $0.split(separator: 0x2F).map(Array.init) }
        self.cache = cache
    }

    /// Whether `commit` is TREESAME, and the parents the walk continues to.
    func simplify(commit: Commit, parents: [Int], walk: RevisionWalk) throws -> (treesame: Bool, follow: [Int]) {
        if parents.isEmpty {
            return (try isEmpty(commit.tree), [])
        }
        for p in parents {
            let parentTree = try cache.commit(p).tree
            if try same(parentTree, commit.tree) { return (true, [p]) }
        }
        return (false, parents)
    }

    /// True when the entries at every path are equal in trees `a` and `b`.
    func same(_ a: ObjectID, _ b: ObjectID) throws -> Bool {
        if a == b { return true }
        // An empty path stands for the whole tree, which differs.
        if paths.contains(where: \.isEmpty) { return false }
        for path in paths {
            if try entry(at: path, in: a) != entry(at: path, in: b) { return false }
        }
        return true
    }

    /// True when no path exists in `tree`.
    func isEmpty(_ tree: ObjectID) throws -> Bool {
        for path in paths {
            if path.isEmpty { return try cache.tree(tree).entries.isEmpty }
            if try entry(at: path, in: tree) != nil { return false }
        }
        return true
    }

    /// The (mode, id) at `path` below `root`, nil when absent.
    private func entry(at path: [[UInt8]], in root: ObjectID) throws -> Pair? {
        var tree = root
        for (i, name) in path.enumerated() {
            guard let found = try cache.tree(tree).entries.first(where: { $0.name == name }) else { return nil }
            if i == path.count - 1 { return Pair(mode: found.mode, id: found.id) }
            guard found.mode.isDirectory else { return nil }
            tree = found.id
        }
        return nil
    }

    private struct Pair: Equatable {
        var mode: FileMode
        var id: ObjectID
    }
}
