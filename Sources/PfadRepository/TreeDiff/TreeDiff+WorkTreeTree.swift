import PfadObjects

extension TreeDiff {
    /// The files that differ between tree `tree` (nil: empty) and the work
    /// tree (`git diff REV`): tracked files as they are on disk, compared
    /// with the tree; files tracked in the index but not in the tree are
    /// additions, files the index lacks are deletions. Untracked files are
    /// not shown (as in git). Index order.
    public func workTree(against index: IndexFile, tree: ObjectID?) throws -> [TreeChange] {
        let staged = try self.index(index, againstTree: tree)
        let unstaged = try workTree(against: index)
        var onDisk: [[UInt8]: TreeChange] = [:]
        for change in unstaged { onDisk[change.path] = change }
        var stagedByPath: [[UInt8]: TreeChange] = [:]
        for change in staged { stagedByPath[change.path] = change }
        var paths = Set(staged.map(\.path))
        paths.formUnion(unstaged.map(\.path))
        var out: [TreeChange] = []
        for path in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            // Old side: the tree's version (the index's, when the index did not change it).
            let old: DiffEndpoint? = stagedByPath[path].map { $0.old } ?? onDisk[path]?.old
            // New side: the work tree's version (the index's, when the file is unchanged on disk).
            let new: DiffEndpoint? = onDisk[path].map { $0.new } ?? stagedByPath[path]?.new
            if old == nil && new == nil { continue }
            if let old, let new, old.id == new.id, old.mode == new.mode { continue }
            out.append(TreeChange(old: old, new: new))
        }
        return out
    }
}
