extension WorkTreeWalker {
    /// The untracked, non-ignored entries, as `git status --porcelain` lists
    /// them (`??`): files and symlinks not in `tracked`; with `.normal`, a
    /// directory without tracked content as one `.directory` entry when it
    /// holds at least one untracked, non-ignored file (empty folders are not
    /// shown); nested repositories that are not tracked as `.repository`.
    /// `tracked` must be sorted in index order (`IndexFile.trackedPaths`).
    /// Ignored directories are not entered. Entries carry zeroed `stat`
    /// (kinds come from `readdir`, as git's untracked scan does).
    public func untracked(tracked: [[UInt8]], mode: UntrackedMode = .normal) throws -> [WorkTreeEntry] {
        let index = TrackedPaths(tracked)
        var out: [WorkTreeEntry] = []
        guard let top = try readListing([], withStat: false) else { return out }
        try collectUntracked(
            in: [], listing: top, mode: mode, scope: IgnoreScope(rules: ignoreRules, directory: [], parent: nil),
            tracked: index, cursor: index.cursor(inside: []), into: &out)
        return out
    }

    private func collectUntracked(
        in directory: [UInt8], listing: DirectoryListing, mode: UntrackedMode, scope: IgnoreScope,
        tracked: TrackedPaths, cursor: TrackedCursor, into out: inout [WorkTreeEntry]
    ) throws {
        var cursor = cursor
        for item in listing.items {
            guard let kind = item.kind else { continue }
            switch kind {
            case .file, .symlink, .repository:
                // A tracked file needs neither its full path nor an ignore check.
                if cursor.advance(to: item.name, isDirectory: false) { continue }
                let path = Self.join(directory, item.name)
                if !scope.isExcluded(path, isDirectory: false) {
                    out.append(WorkTreeEntry(path: path, stat: item.stat, kind: kind))
                }
            case .directory:
                let hasTrackedBelow = cursor.advance(to: item.name, isDirectory: true)
                let path = Self.join(directory, item.name)
                if scope.isExcluded(path, isDirectory: true) { continue }
                guard let sub = try readListing(path, withStat: false) else { continue }
                if sub.hasDotGit && NestedRepository.isRepository(absolute(path)) {
                    if !hasTrackedBelow && !tracked.contains(path) {
                        out.append(WorkTreeEntry(path: path, stat: item.stat, kind: .repository))
                    }
                    continue
                }
                if mode == .all || hasTrackedBelow {
                    try collectUntracked(
                        in: path, listing: sub, mode: mode, scope: scope.child(path), tracked: tracked,
                        cursor: tracked.cursor(inside: path, within: cursor.remaining), into: &out)
                } else if try containsUntracked(path, listing: sub, scope: scope.child(path)) {
                    out.append(WorkTreeEntry(path: path, stat: item.stat, kind: .directory))
                }
            }
        }
    }

    /// True if the directory (which has no tracked content) holds any
    /// non-ignored file, symlink or nested repository. Stops at the first one.
    private func containsUntracked(
        _ directory: [UInt8], listing: DirectoryListing, scope: IgnoreScope
    ) throws -> Bool {
        for item in listing.items {
            guard let kind = item.kind else { continue }
            let path = Self.join(directory, item.name)
            if kind != .directory {
                if !scope.isExcluded(path, isDirectory: false) { return true }
                continue
            }
            if scope.isExcluded(path, isDirectory: true) { continue }
            guard let sub = try readListing(path, withStat: false) else { continue }
            if sub.hasDotGit && NestedRepository.isRepository(absolute(path)) { return true }
            if try containsUntracked(path, listing: sub, scope: scope.child(path)) { return true }
        }
        return false
    }
}
