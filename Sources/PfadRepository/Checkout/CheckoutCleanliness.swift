import PfadObjects

/// Answers "does the work-tree file still hold what the index entry says?",
/// cheaply when the stat data proves it, by hashing otherwise.
struct CheckoutCleanliness {
    let repository: Repository
    let root: String
    let indexTimestamp: IndexTime?
    let options: StatCheckOptions

    /// True when the file at `entry.path` is absent (git does not count a
    /// deleted file as a local change that checkout could lose) or matches
    /// `entry` by stat data or by content and mode.
    func isUpToDate(_ entry: IndexEntry) throws -> Bool {
        let full = WorkTreeFiles.fullPath(root, entry.path)
        guard let stat = StatData.of(path: full) else { return true }
        if entry.isGitlink { return stat.isDirectory }
        let changes = entry.statChanges(against: stat, options: options)
        if changes.isEmpty && !entry.isRacilyClean(indexMTime: indexTimestamp) { return true }
        if changes.contains(.type) || changes.contains(.mode) { return false }
        if !stat.isRegularFile && !stat.isSymlink { return false }
        let content = try WorkTreeFiles.content(at: full, isSymlink: stat.isSymlink)
        return repository.algorithm.objectID(type: .blob, content: content) == entry.id
    }

    /// What `lstat` says about `path` (relative), nil when absent.
    func stat(_ path: [UInt8]) -> StatData? {
        StatData.of(path: WorkTreeFiles.fullPath(root, path))
    }
}
