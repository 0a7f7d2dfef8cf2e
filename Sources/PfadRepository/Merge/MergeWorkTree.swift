import Foundation
import PfadObjects
import PfadStore

/// Brings the index and the work tree from HEAD's tree to a merge result
/// through the checkout machinery (`CheckoutOperation.migrate`: "would be
/// overwritten" checks, path safety, stat data), then records the stages
/// git records for conflicts (1 base, 2 ours, 3 theirs).
public struct MergeWorkTree {
    /// The repository with a work tree.
    public let repository: Repository
    /// The command named in refusals (`merge`, `cherry-pick`, `revert`).
    public var operation: String

    /// Creates an updater.
    public init(_ repository: Repository, operation: String = "merge") {
        self.repository = repository
        self.operation = operation
    }

    /// Why a merge cannot touch the work tree (nothing was changed).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        /// Staged changes (the index differs from HEAD); git refuses any.
        public var staged: [[UInt8]] = []
        /// Unstaged changes to tracked paths the merge would overwrite.
        public var localChanges: [[UInt8]] = []
        /// Untracked files in the way of files the merge creates.
        public var untracked: [[UInt8]] = []
        /// The index holds unmerged entries.
        public var unmergedIndex = false

        /// git's first line of the message.
        public var description: String {
            if unmergedIndex { return "Merging is not possible because you have unmerged files." }
            if !localChanges.isEmpty || !staged.isEmpty {
                return "Your local changes to the following files would be overwritten by merge:"
            }
            return "The following untracked working tree files would be overwritten by merge:"
        }
    }

    /// git's own pre-merge check: no unmerged entries, index equal to HEAD.
    /// - Throws: `Refusal`.
    public func check(index: IndexFile, headTree: ObjectID?) throws {
        if index.entries.contains(where: { $0.stage != 0 }) { throw Refusal(unmergedIndex: true) }
        var headMap: [[UInt8]: FlatTreeEntry] = [:]
        for entry in try headTree.map({ try repository.flattenTree($0) }) ?? [] { headMap[entry.path] = entry }
        var staged = Set<[UInt8]>()
        var seen = Set<[UInt8]>()
        for entry in index.entries {
            seen.insert(entry.path)
            let inHead = headMap[entry.path]
            if inHead?.id != entry.id || inHead?.mode.rawValue != entry.mode { staged.insert(entry.path) }
        }
        for path in headMap.keys where !seen.contains(path) { staged.insert(path) }
        if !staged.isEmpty {
            throw Refusal(staged: staged.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    /// Moves index and work tree from `headTree` to `result` (conflicted
    /// paths get the version with markers in the work tree and stages 1–3
    /// in the index) and returns the new index; the caller holds the lock.
    /// - Throws: `Refusal` for local changes or untracked files in the way
    ///   (nothing is written then), checkout and I/O errors.
    public func apply(_ result: TreeMergeResult, index: IndexFile, headTree: ObjectID?) throws -> IndexFile {
        let old = try headTree.map { try repository.flattenTree($0) } ?? []
        let new = result.paths.compactMap { p in p.result.map { FlatTreeEntry(path: p.path, mode: $0.mode, id: $0.id) } }
        var updated = index
        do {
            _ = try CheckoutOperation(repository).migrate(
                index: &updated, from: old, to: new, options: CheckoutOperation.Options(operation: operation))
        } catch RepositoryError.checkoutConflicts(let conflicts) {
            throw Refusal(localChanges: conflicts.localChanges, untracked: conflicts.untracked)
        }
        let conflicted = result.paths.filter { !$0.isClean }
        guard !conflicted.isEmpty else { return updated }
        let conflictedPaths = Set(conflicted.map(\.path))
        var entries = updated.entries.filter { !conflictedPaths.contains($0.path) }
        for path in conflicted {
            for (stage, side) in [(UInt8(1), path.base), (2, path.ours), (3, path.theirs)] {
                if let side { entries.append(IndexEntry(path: path.path, id: side.id, mode: side.mode.rawValue, stage: stage)) }
            }
        }
        return IndexFile(version: updated.version, entries: entries)
    }
}
