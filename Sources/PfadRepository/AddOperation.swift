import Foundation
import PfadObjects
import PfadStore

/// `git add`: stages work-tree files matching a pathspec (new, modified and
/// — as git 2.x does — deleted ones), honouring ignore rules.
public struct AddOperation {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// What `add` staged, for `-v` style output.
    public struct Result: Sendable, Equatable {
        /// Paths whose index entry was added or replaced.
        public var added: [[UInt8]] = []
        /// Paths removed from the index because their file is gone.
        public var removed: [[UInt8]] = []
    }

    /// Stages everything `pathspec` matches. With `trackedOnly` (`add -u`,
    /// `commit -a`) new files are left alone.
    /// - Throws: `pathspecDidNotMatch` for an element that matched nothing,
    ///   `ignoredPaths` when a literal path is ignored.
    @discardableResult
    public func run(_ pathspec: Pathspec, trackedOnly: Bool = false) throws -> Result {
        let workTree = try repository.requireWorkTree("add")
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let result = try stage(pathspec, into: &index, workTree: workTree, trackedOnly: trackedOnly)
        try lock.write(index.serialized(algorithm: repository.algorithm))
        try lock.commit()
        return result
    }

    /// Stages into an index value already read (callers hold the lock).
    public func stage(_ pathspec: Pathspec, into index: inout IndexFile, workTree: String, trackedOnly: Bool) throws -> Result {
        let scan = WorkTreeScan(repository: repository, workTree: workTree)
        var matched = [Bool](repeating: false, count: pathspec.patterns.count)
        var candidates: [(path: [UInt8], stat: StatData)] = []
        var tracked = Set<[UInt8]>()
        for entry in index.entries { tracked.insert(entry.path) }

        if !trackedOnly {
            for file in try scan.files(under: pathspec, tracked: index.trackedPaths) {
                for i in pathspec.patterns.indices where !matched[i] && pathspec.matches(file.path, element: i) { matched[i] = true }
                candidates.append(file)
            }
        }
        // Tracked files: modified ones (also ignored-but-tracked) and deleted ones.
        var gone: [[UInt8]] = []
        var candidatePaths = Set(candidates.map(\.path))
        for entry in index.entries {
            guard pathspec.matches(entry.path) else { continue }
            for i in pathspec.patterns.indices where !matched[i] && pathspec.matches(entry.path, element: i) { matched[i] = true }
            if candidatePaths.contains(entry.path) { continue }
            if let stat = StatData.of(path: WorkTreeFiles.fullPath(workTree, entry.path)),
               WorkTreeFiles.gitMode(stMode: stat.mode) != .gitlink {
                candidates.append((entry.path, stat))
                candidatePaths.insert(entry.path)
            } else if StatData.of(path: WorkTreeFiles.fullPath(workTree, entry.path)) == nil {
                gone.append(entry.path)
            }
        }
        for unmatched in matched.indices where !matched[unmatched] && !trackedOnly {
            let literal = pathspec.patterns[unmatched]
            if !literal.isEmpty, scan.isIgnored(literal) {
                throw RepositoryError.other(
                    "The following paths are ignored by one of your .gitignore files: \(pathspec.originals[unmatched])")
            }
            // As git: the whole tree (`.` at the top, `-A` in an empty
            // repository) or a path that exists (an empty folder) is no error.
            if literal.isEmpty || StatData.of(path: WorkTreeFiles.fullPath(workTree, literal)) != nil { continue }
            throw RepositoryError.pathspecDidNotMatch(pathspec.originals[unmatched])
        }

        // Skip files whose stat data says they are unchanged.
        var toHash: [(path: [UInt8], stat: StatData)] = []
        for candidate in candidates {
            if let existing = index.entry(path: candidate.path), existing.stage == 0,
               existing.matches(stat: candidate.stat),
               !existing.isRacilyClean(indexMTime: index.timestamp),
               existing.mode == WorkTreeFiles.gitMode(stMode: candidate.stat.mode).rawValue {
                continue
            }
            toHash.append(candidate)
        }
        let ids = try writeBlobs(toHash, workTree: workTree)
        var result = Result()
        var updates: [IndexEntry] = []
        updates.reserveCapacity(toHash.count)
        for (candidate, id) in zip(toHash, ids) {
            let mode = WorkTreeFiles.gitMode(stMode: candidate.stat.mode)
            if let existing = index.entry(path: candidate.path), existing.id == id, existing.mode == mode.rawValue, existing.stage == 0 {
                // Same content: only refresh stat data.
                var refreshed = existing
                refreshed.updateStat(candidate.stat)
                updates.append(refreshed)
                continue
            }
            updates.append(IndexEntry(path: candidate.path, id: id, stat: candidate.stat, mode: mode.rawValue))
            result.added.append(candidate.path)
        }
        index.merge(updates)
        index.remove(paths: Set(gone))
        result.removed = gone
        return result
    }

    /// Hashes, compresses and writes blobs for `files`, in parallel on all
    /// cores. Returns ids in the order of `files`.
    private func writeBlobs(_ files: [(path: [UInt8], stat: StatData)], workTree: String) throws -> [ObjectID] {
        let objects = repository.objects
        return try ParallelChunks.map(count: files.count, threshold: 2) { range in
            try range.map { i in
                let file = files[i]
                let isLink = WorkTreeFiles.gitMode(stMode: file.stat.mode) == .symlink
                let content = try WorkTreeFiles.content(at: WorkTreeFiles.fullPath(workTree, file.path), isSymlink: isLink)
                return try objects.write(type: .blob, content: content)
            }
        }
    }
}
