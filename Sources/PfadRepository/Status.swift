import Foundation
import PfadObjects
import PfadStore

/// The state of the work tree against the index and the index against HEAD,
/// as `git status` reports it.
public struct StatusReport: Sendable, Equatable {
    /// One changed tracked path with git's two status letters.
    public struct Change: Sendable, Equatable {
        /// Repository-relative path.
        public var path: [UInt8]
        /// Index against HEAD: `' '`, `M`, `A`, `D`, `T`, or `U`/`A`/`D` for unmerged paths.
        public var index: UInt8
        /// Work tree against index: `' '`, `M`, `D`, `T`, or unmerged letters.
        public var workTree: UInt8
        /// For a staged rename (`R`): the path in HEAD.
        public var originalPath: [UInt8]? = nil
    }

    /// Changed tracked paths, sorted bytewise.
    public var changes: [Change]
    /// Untracked paths (folders end in '/'), sorted bytewise.
    public var untracked: [[UInt8]]
    /// The branch HEAD points at (short name), nil when detached.
    public var branch: [UInt8]?
    /// True before the first commit.
    public var isUnborn: Bool
    /// How many tracked files had to be read and hashed because their stat
    /// data did not prove them unchanged (0 on a clean, settled work tree).
    public var hashedFiles: Int = 0
}

/// Computes a `StatusReport`, refreshing the index's stat data where a file
/// was touched but not changed (so the next status need not re-hash it).
public struct StatusOperation {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Runs the comparison.
    /// I/O: one `lstat` per tracked file; reads only files whose stat data
    /// changed or that are racily clean; reads HEAD's trees only for folders
    /// the index's cache tree does not vouch for; walks the work tree for
    /// untracked files.
    public func run(includeUntracked: Bool = true, untrackedMode: WorkTreeWalker.UntrackedMode = .normal) throws -> StatusReport {
        try runKeepingIndex(includeUntracked: includeUntracked, untrackedMode: untrackedMode).report
    }

    /// `run`, also handing back the index it read (with refreshed stat data),
    /// for a caller that reuses it or, like the `status` command, keeps it
    /// until the process exits instead of freeing its entries one by one.
    public func runKeepingIndex(
        includeUntracked: Bool = true, untrackedMode: WorkTreeWalker.UntrackedMode = .normal
    ) throws -> (report: StatusReport, index: IndexFile) {
        let workTree = try repository.requireWorkTree("status")
        // Without recomputing the trailing hash, as git's status reads it.
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm, verifyChecksum: false)
        let headName = try HeadInfo.read(repository)
        // lstat every entry on background threads while HEAD is compared and
        // the work tree is walked for untracked files.
        let preload = StatPreload(index.entries, root: workTree)

        var changes: [[UInt8]: StatusReport.Change] = [:]
        func set(_ path: [UInt8], index x: UInt8? = nil, workTree y: UInt8? = nil) {
            var change = changes[path] ?? StatusReport.Change(path: path, index: 0x20, workTree: 0x20)
            if let x { change.index = x }
            if let y { change.workTree = y }
            changes[path] = change
        }

        // Unmerged paths first: their stages decide both letters.
        var unmerged: [[UInt8]: Set<UInt8>] = [:]
        for entry in index.entries where entry.stage != 0 {
            unmerged[entry.path, default: []].insert(entry.stage)
        }
        for (path, stages) in unmerged {
            let letters = Self.unmergedLetters(stages)
            set(path, index: letters.0, workTree: letters.1)
        }

        // Index against HEAD, skipping folders the cache tree proves equal.
        if let commit = headName.commit {
            let headTree = try repository.readCommit(commit).tree
            let (headEntries, skipped) = try headEntriesToCompare(headTree, cache: index.cacheTree(algorithm: repository.algorithm))
            var h = headEntries.startIndex
            var skip = SkippedFolders(skipped)
            var deleted: [FlatTreeEntry] = []
            var added: [IndexEntry] = []
            for entry in index.entries where entry.stage == 0 && (unmerged.isEmpty || unmerged[entry.path] == nil) {
                if skip.contains(entry.path) { continue }
                while h < headEntries.endIndex, headEntries[h].path.lexicographicallyPrecedes(entry.path) {
                    if unmerged[headEntries[h].path] == nil {
                        set(headEntries[h].path, index: 0x44)
                        deleted.append(headEntries[h])
                    }
                    h += 1
                }
                if h < headEntries.endIndex, headEntries[h].path == entry.path {
                    let old = headEntries[h]
                    if old.id != entry.id || old.mode.rawValue != entry.mode {
                        set(entry.path, index: Self.typeChanged(old.mode.rawValue, entry.mode) ? 0x54 : 0x4D)
                    }
                    h += 1
                } else {
                    set(entry.path, index: 0x41)
                    added.append(entry)
                }
            }
            while h < headEntries.endIndex {
                if unmerged[headEntries[h].path] == nil {
                    set(headEntries[h].path, index: 0x44)
                    deleted.append(headEntries[h])
                }
                h += 1
            }
            // Renames (same or similar content moved, git's 50% default), as git's status shows them.
            for (from, to) in try renames(deleted: deleted, added: added) {
                changes[from] = nil
                changes[to]?.index = 0x52
                changes[to]?.originalPath = from
            }
        } else {
            for entry in index.entries where entry.stage == 0 { set(entry.path, index: 0x41) }
        }

        var untracked: [[UInt8]] = []
        if includeUntracked {
            untracked = try WorkTreeScan(repository: repository, workTree: workTree)
                .untracked(tracked: index.trackedPaths, mode: untrackedMode)
        }

        // Work tree against index.
        var refreshed = false
        var hashedFiles = 0
        let stats = preload.results()
        let timestamp = index.timestamp
        var failure: Error?
        index.updatingStatOnly { entries in
            for i in entries.indices where entries[i].stage == 0 {
                let entry = entries[i]
                if entry.mode == FileMode.gitlink.rawValue { continue }
                guard let stat = stats[i] else {
                    set(entry.path, workTree: 0x44)
                    continue
                }
                let mode = WorkTreeFiles.gitMode(stMode: stat.mode).rawValue
                if Self.typeChanged(entry.mode, mode) {
                    set(entry.path, workTree: 0x54)
                    continue
                }
                let racy = entry.isRacilyClean(indexMTime: timestamp)
                let statMatches = entry.matches(stat: stat)
                if statMatches, !racy { continue }
                let content: [UInt8]
                hashedFiles += 1
                do {
                    content = try WorkTreeFiles.content(
                        at: WorkTreeFiles.fullPath(workTree, entry.path), isSymlink: mode == FileMode.symlink.rawValue)
                } catch {
                    failure = error
                    return
                }
                let id = repository.algorithm.objectID(type: .blob, content: content)
                if id == entry.id && mode == entry.mode {
                    // Unchanged: record the new stat data (and, for a racily clean
                    // entry, let the rewritten index's newer time settle it).
                    entries[i].updateStat(stat)
                    refreshed = true
                } else {
                    if statMatches {
                        // Racily clean but changed: no later reader may trust the stat data.
                        entries[i].smudge()
                        refreshed = true
                    }
                    set(entry.path, workTree: 0x4D)
                }
            }
        }
        if let failure { throw failure }

        if refreshed {
            // Opportunistic, like git: skip silently if someone holds the lock.
            try? index.write(to: repository.indexPath, algorithm: repository.algorithm)
        }

        let sorted = changes.values.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        let report = StatusReport(
            changes: sorted, untracked: untracked, branch: headName.branch, isUnborn: headName.commit == nil,
            hashedFiles: hashedFiles)
        return (report, index)
    }

    /// HEAD's files in index order, except below folders whose tree id the
    /// cache tree records as equal to HEAD's (returned as '/'-terminated prefixes).
    private func headEntriesToCompare(_ tree: ObjectID, cache: CacheTree?) throws -> ([FlatTreeEntry], [[UInt8]]) {
        var entries: [FlatTreeEntry] = []
        var skipped: [[UInt8]] = []
        func walk(_ tree: ObjectID, prefix: [UInt8], cache: CacheTree?, depth: Int = 0) throws {
            guard depth < Repository.maximumTreeDepth else { throw RepositoryError.other("tree nesting too deep") }
            if let cache, let id = cache.id, id == tree {
                skipped.append(prefix)
                return
            }
            for entry in try repository.readTree(tree).entries {
                let path = prefix + entry.name
                if entry.mode == .directory {
                    try walk(entry.id, prefix: path + [0x2F], cache: cache?.child(named: entry.name[...]), depth: depth + 1)
                } else {
                    entries.append(FlatTreeEntry(path: path, mode: entry.mode, id: entry.id))
                }
            }
        }
        try walk(tree, prefix: [], cache: cache)
        entries.sort { $0.path.lexicographicallyPrecedes($1.path) }
        skipped.sort { $0.lexicographicallyPrecedes($1) }
        return (entries, skipped)
    }

    /// Pairs deleted and added paths into renames with `RenameDetection`
    /// (exact first, then by similarity; blobs are read only for inexact
    /// candidates), each side used once.
    func renames(deleted: [FlatTreeEntry], added: [IndexEntry]) throws -> [(from: [UInt8], to: [UInt8])] {
        guard !deleted.isEmpty, !added.isEmpty else { return [] }
        var changes = deleted.map { TreeChange(old: DiffEndpoint(path: $0.path, mode: $0.mode.canonicalForDiff, id: $0.id), new: nil) }
        changes += added.map { TreeChange(old: nil, new: DiffEndpoint(path: $0.path, mode: FileMode(rawValue: $0.mode), id: $0.id)) }
        let repository = self.repository
        let paired = try RenameDetection().apply(to: changes) { try repository.readObject($0.id).content }
        return paired.compactMap { change in
            guard change.similarity != nil, let old = change.old, let new = change.new else { return nil }
            return (old.path, new.path)
        }
    }

    /// True when a path changed between file, symlink and submodule.
    static func typeChanged(_ a: UInt32, _ b: UInt32) -> Bool {
        func kind(_ m: UInt32) -> UInt32 { m & 0o170000 }
        return kind(a) != kind(b)
    }

    /// git's two letters for a path with the given conflict stages.
    static func unmergedLetters(_ stages: Set<UInt8>) -> (UInt8, UInt8) {
        let U: UInt8 = 0x55, A: UInt8 = 0x41, D: UInt8 = 0x44
        switch (stages.contains(1), stages.contains(2), stages.contains(3)) {
        case (true, false, false): return (D, D)
        case (false, true, false): return (A, U)
        case (true, false, true): return (D, U)
        case (false, false, true): return (U, A)
        case (true, true, false): return (U, D)
        case (false, true, true): return (A, A)
        default: return (U, U)
        }
    }
}

/// Sorted, non-overlapping folder prefixes ('/'-terminated, "" for all),
/// queried with paths in ascending order. O(1) amortised per query.
struct SkippedFolders {
    private let prefixes: [[UInt8]]
    private var k = 0

    init(_ prefixes: [[UInt8]]) {
        self.prefixes = prefixes
    }

    /// True if `path` lies below one of the prefixes. Paths must come in ascending order.
    mutating func contains(_ path: [UInt8]) -> Bool {
        while k < prefixes.count, !path.starts(with: prefixes[k]), prefixes[k].lexicographicallyPrecedes(path) {
            k += 1
        }
        return k < prefixes.count && path.starts(with: prefixes[k])
    }
}
