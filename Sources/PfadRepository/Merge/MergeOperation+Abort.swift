import PfadObjects
import PfadStore

extension MergeOperation {
    /// `git merge --abort` (and `cherry-pick --abort`, `revert --abort`):
    /// puts every path the merge touched — conflicted or staged differently
    /// from HEAD — back to HEAD's version in the index and the work tree,
    /// keeps unrelated local changes, and removes the merge state files.
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
        var current: [[UInt8]: MergeSide] = [:]
        for entry in index.entries {
            let side = MergeSide(mode: FileMode(rawValue: entry.mode), id: entry.id)
            if entry.stage == 0 || current[entry.path] == nil { current[entry.path] = side }
        }
        var all = Set(headMap.keys)
        all.formUnion(current.keys)
        let paths = all.sorted { $0.lexicographicallyPrecedes($1) }.map { path in
            MergedPath(
                path: path, base: nil, ours: current[path], theirs: nil, result: headMap[path], conflict: nil,
                contentMerged: false)
        }
        let reset = TreeMergeResult(paths: paths, messages: [], tree: headTree ?? repository.algorithm.nullID)
        let newIndex = try MergeWorkTree(repository).apply(reset, index: index)
        try lock.write(newIndex.serialized(algorithm: repository.algorithm))
        try lock.commit()
        state.clear()
    }
}
