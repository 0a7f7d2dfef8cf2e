import PfadObjects

/// Compares two snapshots of a repository file by file, as `git diff`
/// does before it prints anything: tree against tree, index against a
/// tree (`--cached`), work tree against index. Produces `TreeChange`s in
/// git's output order; rename detection is a separate step
/// (`RenameDetection`). Only the paths `pathspec` selects are compared.
public struct TreeDiff {
    /// The repository whose objects are read.
    public let repository: Repository
    /// The paths to compare; nil for all.
    public let pathspec: Pathspec?

    /// A comparison limited to `pathspec` (nil: every path).
    public init(_ repository: Repository, pathspec: Pathspec? = nil) {
        self.repository = repository
        self.pathspec = pathspec
    }

    var filter: PathFilter { PathFilter(pathspec: pathspec) }

    /// The files that differ between tree `old` and tree `new` (nil: the
    /// empty tree), in tree order. Subtrees with equal ids on both sides are
    /// never read, so the cost is proportional to the changed folders.
    /// - Throws: `RepositoryError` for missing or corrupt trees.
    public func trees(old: ObjectID?, new: ObjectID?) throws -> [TreeChange] {
        var out: [TreeChange] = []
        try compare(old: old, new: new, prefix: [], into: &out, depth: 0)
        return out
    }

    /// The files that differ between the commits' trees (`git diff A B`).
    public func commits(old: ObjectID?, new: ObjectID) throws -> [TreeChange] {
        let oldTree = try old.map { try repository.readCommit($0).tree }
        return try trees(old: oldTree, new: try repository.readCommit(new).tree)
    }

    /// The changes `commit` made against its first parent (against the empty
    /// tree for a root commit), as `git show` prints them.
    public func commitAgainstFirstParent(_ commit: ObjectID) throws -> [TreeChange] {
        let parsed = try repository.readCommit(commit)
        let parentTree = try parsed.parents.first.map { try repository.readCommit($0).tree }
        return try trees(old: parentTree, new: parsed.tree)
    }

    /// Hostile trees could nest without end; git's own limit on path depth
    /// is of the same order.
    static let maximumDepth = Repository.maximumTreeDepth

    private func compare(
        old: ObjectID?, new: ObjectID?, prefix: [UInt8], into out: inout [TreeChange], depth: Int
    ) throws {
        if old == new { return }
        guard depth < Self.maximumDepth else {
            throw RepositoryError.other("tree nesting too deep at '\(String(decoding: prefix, as: UTF8.self))'")
        }
        let oldEntries = try old.map { try repository.readTree($0).entries } ?? []
        let newEntries = try new.map { try repository.readTree($0).entries } ?? []
        var i = 0
        var j = 0
        while i < oldEntries.count || j < newEntries.count {
            let order: Int
            if i == oldEntries.count {
                order = 1
            } else if j == newEntries.count {
                order = -1
            } else {
                order = Self.compareKeys(oldEntries[i].sortKey, newEntries[j].sortKey)
            }
            if order < 0 {
                try emit(old: oldEntries[i], new: nil, prefix: prefix, into: &out, depth: depth)
                i += 1
            } else if order > 0 {
                try emit(old: nil, new: newEntries[j], prefix: prefix, into: &out, depth: depth)
                j += 1
            } else {
                try emit(old: oldEntries[i], new: newEntries[j], prefix: prefix, into: &out, depth: depth)
                i += 1
                j += 1
            }
        }
    }

    /// One name present on one or both sides (both sides are folders or
    /// both are not, since folders sort with a trailing '/').
    private func emit(
        old: TreeEntry?, new: TreeEntry?, prefix: [UInt8], into out: inout [TreeChange], depth: Int
    ) throws {
        guard let name = old?.name ?? new?.name else { return }
        let path = prefix + name
        if old?.isDirectory == true || new?.isDirectory == true {
            if old?.id == new?.id || !filter.mayContain(folder: path) { return }
            try compare(
                old: old?.isDirectory == true ? old?.id : nil, new: new?.isDirectory == true ? new?.id : nil,
                prefix: path + [0x2F], into: &out, depth: depth + 1)
            return
        }
        guard filter.includes(path) else { return }
        if let old, let new, old.id == new.id, old.mode == new.mode { return }
        out.append(
            TreeChange(
                old: old.map { DiffEndpoint(path: path, mode: $0.mode.canonicalForDiff, id: $0.id) },
                new: new.map { DiffEndpoint(path: path, mode: $0.mode.canonicalForDiff, id: $0.id) }))
    }

    /// Bytewise order of two sort keys: negative, zero or positive.
    static func compareKeys(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = min(a.count, b.count)
        var k = 0
        while k < n {
            if a[k] != b[k] { return a[k] < b[k] ? -1 : 1 }
            k += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

extension FileMode {
    /// The mode as diff output shows it: file modes reduced to `100644` or
    /// `100755` (old trees may hold `100664`), others unchanged.
    var canonicalForDiff: FileMode { isDirectory ? self : canonical }
}
