import PfadObjects
import PfadStore

/// `git reset`: moves the current branch (or a detached HEAD) to a commit
/// and, depending on the mode, the index and the work tree with it.
/// The old position is kept in `ORIG_HEAD` and the reflogs get git's
/// `reset: moving to REV` line, so a mistaken reset can be undone.
public struct ResetOperation {
    /// The repository to reset.
    public let repository: Repository

    /// An operation on `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// git's three modes.
    public enum Mode: String, Sendable {
        /// Only the ref moves.
        case soft
        /// The ref and the index (the default).
        case mixed
        /// The ref, the index and the work tree (local changes are lost).
        case hard
    }

    /// Moves HEAD's ref to `commit` (named `revision` in the reflog).
    /// - Returns: for `mixed`, the tracked paths that now differ in the work
    ///   tree with git's letters (`M`, `D`); empty otherwise.
    public func run(to commit: ObjectID, mode: Mode, revision: String) throws -> [(status: UInt8, path: [UInt8])] {
        let head = try HeadInfo.read(repository)
        let tree = try repository.readCommit(commit).tree
        var unstaged: [(UInt8, [UInt8])] = []
        switch mode {
        case .soft:
            break
        case .mixed:
            unstaged = try resetIndex(to: tree)
        case .hard:
            _ = try CheckoutOperation(repository).run(
                from: .index, to: tree, options: CheckoutOperation.Options(force: true, operation: "reset"))
        }
        try moveHead(head, to: commit, message: "reset: moving to \(revision)")
        return unstaged
    }

    /// Points `ORIG_HEAD` at the old commit and HEAD (and its branch) at
    /// `commit`, logging `message`.
    public func moveHead(_ head: HeadInfo, to commit: ObjectID, message: String) throws {
        let committer = try ReflogIdentity.committer(repository)
        if let old = head.commit {
            _ = try repository.refs.update(Array("ORIG_HEAD".utf8), to: old, expected: .any, reflog: nil)
        }
        let entry = ReflogEntry(
            old: head.commit ?? repository.algorithm.nullID, new: commit, committer: committer,
            message: Array(message.utf8))
        let expected: RefExpectation = head.commit.map { .value($0) } ?? .absent
        _ = try repository.refs.updateFollowingSymrefs(Array("HEAD".utf8), to: commit, expected: expected, reflog: entry)
    }

    /// Sets the index to `tree`, keeping the stat data of entries that do not
    /// change, and reports the work-tree files that differ from it.
    public func resetIndex(to tree: ObjectID) throws -> [(status: UInt8, path: [UInt8])] {
        let root = try repository.requireWorkTree("reset")
        let lock = try LockFile.acquire(for: repository.indexPath)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        var updated = index
        var entries: [IndexEntry] = []
        for flat in try repository.flattenTree(tree) {
            if let previous = index.entry(path: flat.path), CheckoutPlanner.same(previous, flat) {
                entries.append(previous)
            } else {
                entries.append(IndexEntry(path: flat.path, id: flat.id, mode: flat.mode.rawValue))
            }
        }
        if entries != index.entries { updated.entries = entries }
        let unstaged = try Self.refresh(&updated, repository: repository, root: root)
        try lock.write(updated.serialized(algorithm: repository.algorithm))
        try lock.commit()
        return unstaged
    }

    /// Refreshes stat data of unchanged files (as `git update-index --refresh`)
    /// and lists the changed ones: `D` for a missing file, `M` otherwise.
    static func refresh(_ index: inout IndexFile, repository: Repository, root: String) throws -> [(status: UInt8, path: [UInt8])] {
        let check = CheckoutCleanliness(
            repository: repository, root: root, indexTimestamp: index.timestamp,
            options: StatCheckOptions(trustExecutableBit: (try? repository.settings.getBool("core.filemode")) ?? true))
        var out: [(UInt8, [UInt8])] = []
        var refreshed: [Int: StatData] = [:]
        for (k, entry) in index.entries.enumerated() where entry.stage == 0 {
            guard let stat = check.stat(entry.path) else {
                out.append((0x44, entry.path))
                continue
            }
            let typeChanged = (entry.isRegularFile && !stat.isRegularFile) || (entry.isSymlink && !stat.isSymlink)
                || (entry.isGitlink && !stat.isDirectory)
            if typeChanged {
                out.append((0x54, entry.path))
            } else if try check.isUpToDate(entry) {
                if !entry.statChanges(against: stat, options: check.options).isEmpty { refreshed[k] = stat }
            } else {
                out.append((0x4D, entry.path))
            }
        }
        if !refreshed.isEmpty {
            index.updatingStatOnly { entries in
                for (k, stat) in refreshed { entries[k].updateStat(stat) }
            }
        }
        return out
    }
}
