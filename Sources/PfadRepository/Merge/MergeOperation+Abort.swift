import PfadObjects
import PfadStore

extension MergeOperation {
    /// `git merge --abort` (and `cherry-pick --abort`, `revert --abort`):
    /// puts every path the merge touched — conflicted or staged differently
    /// from HEAD — back to HEAD's version in the index and the work tree
    /// (through the checkout machinery's `WorkTreeWriter`), keeps unrelated
    /// local changes, and removes the merge state files.
    /// - Parameter requiring: the state file that must exist (`MERGE_HEAD`,
    ///   `CHERRY_PICK_HEAD` or `REVERT_HEAD`).
    /// - Throws: `RepositoryError.other` when no such operation is in progress.
    public func abort(requiring file: MergeState.File = .mergeHead) throws {
        let state = MergeState(repository)
        guard state.read(file) != nil else {
            throw RepositoryError.other("There is no merge to abort (\(file.rawValue) missing).")
        }
        let head = try HeadInfo.read(repository)
        let headTree = try head.commit.map { try repository.readCommit($0).tree }
        var headMap: [[UInt8]: MergeSide] = [:]
        for entry in try headTree.map({ try repository.flattenTree($0) }) ?? [] {
            headMap[entry.path] = MergeSide(mode: entry.mode, id: entry.id)
        }
        let lock = try LockFile.acquire(for: repository.indexPath)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        // Paths to put back: conflicted, or staged differently from HEAD.
        var reset = Set<[UInt8]>()
        for entry in index.entries {
            let side = MergeSide(mode: FileMode(rawValue: entry.mode), id: entry.id)
            if entry.stage != 0 || headMap[entry.path] != side { reset.insert(entry.path) }
        }
        for path in headMap.keys where index.entry(path: path) == nil { reset.insert(path) }
        let root = try repository.requireWorkTree("merge --abort")
        let writer = WorkTreeWriter(root: root)
        let ordered = reset.sorted { $0.lexicographicallyPrecedes($1) }
        let writes = ordered.compactMap { path in
            headMap[path].map { FlatTreeEntry(path: path, mode: $0.mode, id: $0.id) }
        }
        // A crafted HEAD or index must not make the abort write outside the
        // work tree: refuse before anything is touched.
        try CheckoutPath.validate(tree: writes)
        for path in ordered where headMap[path] == nil { try CheckoutPath.validate(path) }
        for path in ordered where headMap[path] == nil { try writer.remove(path) }
        var known = Set<[UInt8]>()
        for entry in writes {
            try writer.prepareParents(of: entry.path, known: &known)
            if StatData.of(path: WorkTreeFiles.fullPath(root, entry.path))?.isDirectory == true, !entry.mode.isGitlink {
                throw RepositoryError.other("merge --abort: a folder is in the way of '\(String(decoding: entry.path, as: UTF8.self))'")
            }
        }
        let stats = try ParallelCheckout(repository: repository, writer: writer).write(writes)
        var entries = index.entries.filter { !reset.contains($0.path) }
        for (entry, stat) in zip(writes, stats) {
            entries.append(IndexEntry(path: entry.path, id: entry.id, stat: stat, mode: entry.mode.rawValue))
        }
        let newIndex = IndexFile(version: index.version, entries: entries)
        try lock.write(newIndex.serialized(algorithm: repository.algorithm))
        try lock.commit()
        state.clear()
    }
}
