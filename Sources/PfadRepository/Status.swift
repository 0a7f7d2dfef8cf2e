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
    }

    /// Changed tracked paths, sorted bytewise.
    public var changes: [Change]
    /// Untracked paths (folders end in '/'), sorted bytewise.
    public var untracked: [[UInt8]]
    /// The branch HEAD points at (short name), nil when detached.
    public var branch: [UInt8]?
    /// True before the first commit.
    public var isUnborn: Bool
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
    /// changed or that are racily clean; walks the work tree for untracked files.
    public func run(includeUntracked: Bool = true) throws -> StatusReport {
        let workTree = try repository.requireWorkTree("status")
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let headName = try HeadInfo.read(repository)
        var head: [[UInt8]: FlatTreeEntry] = [:]
        if let commit = headName.commit {
            let tree = try repository.readCommit(commit).tree
            for entry in try repository.flattenTree(tree) { head[entry.path] = entry }
        }

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

        var refreshed = false
        var seen = Set<[UInt8]>()
        for i in index.entries.indices where index.entries[i].stage == 0 {
            let entry = index.entries[i]
            seen.insert(entry.path)
            // Index against HEAD.
            if let old = head[entry.path] {
                if old.id != entry.id || old.mode.rawValue != entry.mode {
                    set(entry.path, index: Self.typeChanged(old.mode.rawValue, entry.mode) ? 0x54 : 0x4D)
                }
            } else {
                set(entry.path, index: 0x41)
            }
            // Work tree against index.
            let full = WorkTreeFiles.fullPath(workTree, entry.path)
            guard let stat = StatData.of(path: full) else {
                set(entry.path, workTree: 0x44)
                continue
            }
            let mode = WorkTreeFiles.gitMode(stMode: stat.mode).rawValue
            if entry.mode == FileMode.gitlink.rawValue { continue }
            if Self.typeChanged(entry.mode, mode) {
                set(entry.path, workTree: 0x54)
                continue
            }
            let racy = entry.isRacilyClean(indexMTime: index.timestamp)
            let statMatches = entry.matches(stat: stat)
            if statMatches, !racy { continue }
            let content = try WorkTreeFiles.content(at: full, isSymlink: mode == FileMode.symlink.rawValue)
            let id = repository.algorithm.objectID(type: .blob, content: content)
            if id == entry.id && mode == entry.mode {
                // Unchanged: record the new stat data (and, for a racily clean
                // entry, let the rewritten index's newer time settle it).
                index.entries[i].updateStat(stat)
                refreshed = true
            } else {
                if statMatches {
                    // Racily clean but changed: make sure no later reader trusts the stat data.
                    index.entries[i].smudge()
                    refreshed = true
                }
                set(entry.path, workTree: 0x4D)
            }
        }
        for (path, _) in head where !seen.contains(path) && unmerged[path] == nil {
            set(path, index: 0x44)
        }

        if refreshed {
            // Opportunistic, like git: skip silently if someone holds the lock.
            try? index.write(to: repository.indexPath, algorithm: repository.algorithm)
        }

        var untracked: [[UInt8]] = []
        if includeUntracked {
            let tracked = index.entries.map(\.path)
            untracked = try WorkTreeScan(repository: repository, workTree: workTree).untracked(tracked: tracked)
        }
        let sorted = changes.values.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        return StatusReport(changes: sorted, untracked: untracked, branch: headName.branch, isUnborn: headName.commit == nil)
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
