import PfadObjects

extension TreeDiff {
    /// The files that differ between tree `tree` (nil: the empty tree, as
    /// before the first commit) and the index's stage-0 entries
    /// (`git diff --cached`), in index order. Unmerged and intent-to-add
    /// entries are left out. Reads the tree's folders the pathspec selects.
    public func index(_ index: IndexFile, againstTree tree: ObjectID?) throws -> [TreeChange] {
        let treeEntries = try tree.map { try flatten($0) } ?? []
        var out: [TreeChange] = []
        var t = 0
        let unmerged = Set(index.entries.lazy.filter { $0.stage != 0 }.map(\.path))
        for entry in index.entries where entry.stage == 0 && !entry.intentToAdd && filter.includes(entry.path) {
            while t < treeEntries.count, treeEntries[t].path.lexicographicallyPrecedes(entry.path) {
                if !unmerged.contains(treeEntries[t].path) { out.append(Self.deleted(treeEntries[t])) }
                t += 1
            }
            let new = DiffEndpoint(path: entry.path, mode: FileMode(rawValue: entry.mode), id: entry.id)
            if t < treeEntries.count, treeEntries[t].path == entry.path {
                let old = treeEntries[t]
                t += 1
                if old.id == entry.id && old.mode.canonicalForDiff.rawValue == entry.mode { continue }
                out.append(TreeChange(old: DiffEndpoint(path: old.path, mode: old.mode.canonicalForDiff, id: old.id), new: new))
            } else {
                out.append(TreeChange(old: nil, new: new))
            }
        }
        while t < treeEntries.count {
            if !unmerged.contains(treeEntries[t].path) { out.append(Self.deleted(treeEntries[t])) }
            t += 1
        }
        return out
    }

    /// The tracked files whose work-tree state differs from the index
    /// (`git diff`), in index order. Files whose stat data matches the
    /// index entry (and are not racily clean) are not read; the others are
    /// read and hashed. New sides carry `inWorkTree = true`; a deleted file
    /// is a deletion. Unmerged, intent-to-add and gitlink entries are left out.
    /// I/O: one `lstat` per selected entry (on all cores for large indexes).
    public func workTree(against index: IndexFile) throws -> [TreeChange] {
        let root = try repository.requireWorkTree("diff")
        let unmerged = Set(index.entries.lazy.filter { $0.stage != 0 }.map(\.path))
        let selected = index.entries.filter {
            $0.stage == 0 && !$0.intentToAdd && !$0.isGitlink && !unmerged.contains($0.path) && filter.includes($0.path)
        }
        let stats = ParallelStat.lstat(selected.map(\.path), root: root)
        var out: [TreeChange] = []
        for (entry, stat) in zip(selected, stats) {
            let old = DiffEndpoint(path: entry.path, mode: FileMode(rawValue: entry.mode), id: entry.id)
            guard let stat else {
                out.append(TreeChange(old: old, new: nil))
                continue
            }
            let mode = WorkTreeFiles.gitMode(stMode: stat.mode)
            if mode == .gitlink {
                // A folder where a file was tracked: git reports the file deleted.
                out.append(TreeChange(old: old, new: nil))
                continue
            }
            if entry.matches(stat: stat) && !entry.isRacilyClean(indexMTime: index.timestamp) { continue }
            let content = try WorkTreeFiles.content(
                at: WorkTreeFiles.fullPath(root, entry.path), isSymlink: mode == .symlink)
            let id = repository.algorithm.objectID(type: .blob, content: content)
            if id == entry.id && mode.rawValue == entry.mode { continue }
            out.append(TreeChange(old: old, new: DiffEndpoint(path: entry.path, mode: mode, id: id, inWorkTree: true)))
        }
        return out
    }

    /// The tree's files below the folders the pathspec can select, in index order.
    func flatten(_ tree: ObjectID) throws -> [FlatTreeEntry] {
        try repository.flattenTree(tree, descend: { filter.mayContain(folder: $0) }, include: { filter.includes($0) })
    }

    static func deleted(_ entry: FlatTreeEntry) -> TreeChange {
        TreeChange(old: DiffEndpoint(path: entry.path, mode: entry.mode.canonicalForDiff, id: entry.id), new: nil)
    }
}
