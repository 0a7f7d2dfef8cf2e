import Foundation
import PfadObjects
import PfadStore

/// Moves the index and the work tree from one tree (or the current index) to
/// another, as git's two-way `read-tree -m -u` does for `switch`, `checkout`
/// and `reset --hard`; merge, cherry-pick and revert build on `migrate`.
///
/// Without `force` nothing is written when a path that would change has
/// local changes (index or work tree differs from the old tree) or when an
/// untracked, not ignored file is in the way; the refusal lists every such
/// path (`RepositoryError.checkoutConflicts`). Every target path is checked
/// first (`CheckoutPath`), and files are only written below real folders of
/// the work tree (`WorkTreeWriter`).
public struct CheckoutOperation {
    /// The repository whose index and work tree move.
    public let repository: Repository

    /// An operation on `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Where the move starts.
    public enum Source: Sendable, Equatable {
        /// The current index (every staged path counts as unchanged).
        case index
        /// A tree (nil: the empty tree, e.g. an unborn branch).
        case tree(ObjectID?)
    }

    /// How to move.
    public struct Options: Sendable {
        /// Overwrite local changes and untracked files (`checkout -f`, `reset --hard`).
        public var force: Bool
        /// The command named in conflict messages.
        public var operation: String

        /// Options; git's defaults are `force: false`, `operation: "checkout"`.
        public init(force: Bool = false, operation: String = "checkout") {
            self.force = force
            self.operation = operation
        }
    }

    /// What the move did.
    public struct Summary: Sendable, Equatable {
        /// Files, links and submodule folders written.
        public var written: Int
        /// Paths removed from the work tree.
        public var removed: Int
    }

    /// Locks the index, moves it and the work tree from `source` to tree
    /// `target` (nil: empty), and writes the index.
    /// I/O: reads both trees and the blobs that change; one `lstat` per
    /// path that changes; writes in parallel.
    public func run(from source: Source, to target: ObjectID?, options: Options = Options()) throws -> Summary {
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let old: [FlatTreeEntry]
        switch source {
        case .index:
            old = index.entries.filter { $0.stage == 0 }.map { FlatTreeEntry(path: $0.path, mode: FileMode(rawValue: $0.mode), id: $0.id) }
        case .tree(let id):
            old = try id.map { try repository.flattenTree($0) } ?? []
        }
        let new = try target.map { try repository.flattenTree($0) } ?? []
        let summary = try migrate(index: &index, from: old, to: new, options: options)
        if let target, Self.indexEquals(index, new) {
            // The index is exactly the target tree: record the cache tree so the
            // next status skips comparing it with HEAD folder by folder. The
            // trees exist already, so this only hashes them.
            let (id, cache) = try TreeBuilder(repository).writeTreeAndCache(from: index.entries)
            if id == target { index.setCacheTree(cache) }
        }
        try lock.write(index.serialized(algorithm: repository.algorithm))
        try lock.commit()
        return summary
    }

    /// True when `index` holds exactly `tree`'s entries (stage 0, same ids and modes).
    static func indexEquals(_ index: IndexFile, _ tree: [FlatTreeEntry]) -> Bool {
        guard index.entries.count == tree.count else { return false }
        return zip(index.entries, tree).allSatisfy { $0.stage == 0 && $0.path == $1.path && CheckoutPlanner.same($0, $1) }
    }

    /// The reusable core: moves `index` and the work tree from the flattened
    /// tree `old` to `new`. The caller holds the index lock and writes `index`.
    /// - Throws: `unsafePath` for a hostile target tree, `checkoutConflicts`
    ///   when local changes or untracked files are in the way (nothing is
    ///   written then), I/O errors.
    public func migrate(index: inout IndexFile, from old: [FlatTreeEntry], to new: [FlatTreeEntry], options: Options) throws -> Summary {
        let root = try repository.requireWorkTree(options.operation)
        try CheckoutPath.validate(tree: new)
        let plan = try CheckoutPlanner(repository: repository, root: root, index: index, options: options)
            .plan(old: old, new: new)
        if !plan.conflicts.isEmpty { throw RepositoryError.checkoutConflicts(plan.conflicts) }

        let writer = WorkTreeWriter(root: root)
        for path in plan.removals { try writer.remove(path) }
        var known = Set<[UInt8]>()
        for entry in plan.writes {
            try writer.prepareParents(of: entry.path, known: &known, replacing: options.force)
            // Forced, a folder in the way goes, untracked content and all (as in git).
            if options.force, !entry.mode.isGitlink { try writer.removeFolder(entry.path) }
        }
        let stats = try ParallelCheckout(repository: repository, writer: writer).write(plan.writes)

        var entries = plan.kept
        entries.reserveCapacity(plan.kept.count + plan.writes.count)
        for (entry, stat) in zip(plan.writes, stats) {
            entries.append(IndexEntry(path: entry.path, id: entry.id, stat: stat, mode: entry.mode.rawValue))
        }
        entries.sort(by: IndexEntry.precedes)
        index.entries = entries
        return Summary(written: plan.writes.count, removed: plan.removals.count)
    }
}
