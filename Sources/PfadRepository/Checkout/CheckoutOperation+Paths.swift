import PfadObjects
import PfadStore

extension CheckoutOperation {
    /// What `restore`/`checkout -- PATHS`/`reset -- PATHS` copy, and where.
    public struct PathOptions: Sendable {
        /// Take the content from this tree; nil: from the index.
        public var source: ObjectID?
        /// Update the index (`--staged`, `checkout REV -- PATHS`, `reset -- PATHS`).
        public var staged: Bool
        /// Update the work tree (`--worktree`, the default of `restore`).
        public var worktree: Bool
        /// Remove matched paths the source does not have (`restore` does,
        /// `checkout REV -- PATHS` does not).
        public var removeMissing: Bool
        /// The pathspec error git gives for an element that matches nothing;
        /// nil when such an element is fine (`reset -- PATHS`).
        public var unmatchedMessage: @Sendable (String) -> String?

        /// Options: by default the work tree is restored from the index.
        public init(
            source: ObjectID? = nil, staged: Bool = false, worktree: Bool = true, removeMissing: Bool = true,
            unmatchedMessage: @escaping @Sendable (String) -> String? = { "pathspec '\($0)' did not match any file(s) known to git" }
        ) {
            self.source = source
            self.staged = staged
            self.worktree = worktree
            self.removeMissing = removeMissing
            self.unmatchedMessage = unmatchedMessage
        }
    }

    /// Copies the paths `pathspec` matches from the index or a tree into the
    /// index and/or the work tree, overwriting local changes (that is what
    /// the user asked for). Returns how many paths were updated.
    /// - Throws: `RepositoryError.other` with `unmatchedMessage` when an
    ///   element matches nothing (nothing is written then), `unsafePath`.
    public func restore(_ pathspec: Pathspec, options: PathOptions) throws -> Int {
        let root = try repository.requireWorkTree("restore")
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let sourceEntries: [FlatTreeEntry]
        if let source = options.source {
            sourceEntries = try repository.flattenTree(source).filter { pathspec.matches($0.path) }
        } else {
            sourceEntries = index.entries.filter { $0.stage == 0 && pathspec.matches($0.path) }
                .map { FlatTreeEntry(path: $0.path, mode: FileMode(rawValue: $0.mode), id: $0.id) }
        }
        let indexMatches = index.entries.filter { pathspec.matches($0.path) }.map(\.path)
        for (n, original) in pathspec.originals.enumerated() {
            let hit = sourceEntries.contains { pathspec.matches($0.path, element: n) }
                || (options.removeMissing && indexMatches.contains { pathspec.matches($0, element: n) })
            if !hit, let message = options.unmatchedMessage(original) { throw RepositoryError.other(message) }
        }
        if options.source == nil, let conflicted = indexMatches.first(where: { index.isConflicted(path: $0) }) {
            throw RepositoryError.other("path '\(String(decoding: conflicted, as: UTF8.self))' is unmerged")
        }
        try CheckoutPath.validate(tree: sourceEntries)

        let sourcePaths = Set(sourceEntries.map(\.path))
        let missing = options.removeMissing ? Set(indexMatches.filter { !sourcePaths.contains($0) }) : []
        let writer = WorkTreeWriter(root: root)
        var stats: [StatData] = []
        if options.worktree {
            for path in missing.sorted(by: { $0.lexicographicallyPrecedes($1) }) { try writer.remove(path) }
            var known = Set<[UInt8]>()
            for entry in sourceEntries {
                try writer.prepareParents(of: entry.path, known: &known, replacing: true)
                if !entry.mode.isGitlink { try writer.removeFolder(entry.path) }
            }
            stats = try ParallelCheckout(repository: repository, writer: writer).write(sourceEntries)
        }

        var updated: [IndexEntry] = []
        for (k, entry) in sourceEntries.enumerated() {
            let previous = index.entry(path: entry.path)
            let stageIt = options.staged || options.source == nil || (previous.map { CheckoutPlanner.same($0, entry) } ?? false)
            guard stageIt else { continue }
            if options.worktree {
                updated.append(IndexEntry(path: entry.path, id: entry.id, stat: stats[k], mode: entry.mode.rawValue))
            } else if let previous, CheckoutPlanner.same(previous, entry) {
                updated.append(previous)
            } else {
                updated.append(IndexEntry(path: entry.path, id: entry.id, mode: entry.mode.rawValue))
            }
        }
        if options.staged { index.remove(paths: missing) }
        index.merge(updated)
        try lock.write(index.serialized(algorithm: repository.algorithm))
        try lock.commit()
        return sourceEntries.count + missing.count
    }
}
