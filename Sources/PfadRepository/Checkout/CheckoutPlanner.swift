import Foundation
import PfadObjects

/// What a two-way move will do, decided before anything is touched.
struct CheckoutPlan {
    /// Index entries that stay as they are.
    var kept: [IndexEntry] = []
    /// Entries to write to the work tree (and to stage with fresh stat data).
    var writes: [FlatTreeEntry] = []
    /// Paths to remove from the work tree.
    var removals: [[UInt8]] = []
    /// Refusals (empty when forced).
    var conflicts: CheckoutConflicts
}

/// Decides, path by path, git's two-way merge (old tree O, new tree N,
/// index I): O = N keeps I; I = N keeps I; I = O with a clean work-tree file
/// takes N; anything else is a local change. A new path must not meet an
/// untracked file. With `force`, N wins everywhere.
struct CheckoutPlanner {
    let repository: Repository
    let root: String
    let index: IndexFile
    let options: CheckoutOperation.Options
    let cleanliness: CheckoutCleanliness
    private let ignore: IgnoreRules

    init(repository: Repository, root: String, index: IndexFile, options: CheckoutOperation.Options) throws {
        self.repository = repository
        self.root = root
        self.index = index
        self.options = options
        self.cleanliness = CheckoutCleanliness(
            repository: repository, root: root, indexTimestamp: index.timestamp,
            options: StatCheckOptions(trustExecutableBit: (try? repository.settings.getBool("core.filemode")) ?? true))
        self.ignore = IgnoreRules(
            workTree: root, gitDirectory: repository.gitDirectory,
            excludesFile: WorkTreeScan.excludesFile(repository.settings))
    }

    func plan(old: [FlatTreeEntry], new: [FlatTreeEntry]) throws -> CheckoutPlan {
        var oldMap: [[UInt8]: FlatTreeEntry] = [:]
        var newMap: [[UInt8]: FlatTreeEntry] = [:]
        var current: [[UInt8]: IndexEntry] = [:]
        var unmerged = Set<[UInt8]>()
        for e in old { oldMap[e.path] = e }
        for e in new { newMap[e.path] = e }
        for e in index.entries {
            if e.stage == 0 { current[e.path] = e } else { unmerged.insert(e.path) }
        }
        var paths = Set(oldMap.keys)
        paths.formUnion(newMap.keys)
        paths.formUnion(current.keys)
        paths.formUnion(unmerged)
        let tracked = paths

        var plan = CheckoutPlan(conflicts: CheckoutConflicts(operation: options.operation))
        var folders: [[UInt8]: Bool] = [:]  // untracked parent checks: true when a real folder or absent
        for path in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let o = oldMap[path], n = newMap[path], i = current[path]
            if options.force {
                if let n {
                    if let i, !unmerged.contains(path), Self.same(i, n), try isPresentAndClean(i) {
                        plan.kept.append(i)
                    } else {
                        plan.writes.append(n)
                    }
                } else if i != nil || o != nil || unmerged.contains(path) {
                    plan.removals.append(path)
                }
                continue
            }
            if unmerged.contains(path) {
                if Self.same(o, n) {
                    plan.kept.append(contentsOf: index.entries(path: path))
                    continue
                }
                throw RepositoryError.other("you need to resolve your current index first")
            }
            if Self.same(o, n) {
                if let i { plan.kept.append(i) }
                continue
            }
            if let i {
                if let n, Self.same(i, n) {
                    plan.kept.append(i)
                } else if let o, Self.same(i, o) {
                    guard try cleanliness.isUpToDate(i) else {
                        plan.conflicts.localChanges.append(path)
                        continue
                    }
                    if let n { plan.writes.append(n) } else { plan.removals.append(path) }
                } else {
                    plan.conflicts.localChanges.append(path)
                }
            } else if o == nil, let n {
                if untrackedInTheWay(path, tracked: tracked, folders: &folders) {
                    plan.conflicts.untracked.append(path)
                } else {
                    plan.writes.append(n)
                }
            } else if n != nil {
                // Deleted in the index, changed in the new tree.
                plan.conflicts.localChanges.append(path)
            }
        }
        return plan
    }

    /// True when the file exists and matches `entry` (a forced move rewrites
    /// anything else).
    private func isPresentAndClean(_ entry: IndexEntry) throws -> Bool {
        guard cleanliness.stat(entry.path) != nil else { return false }
        return try cleanliness.isUpToDate(entry)
    }

    /// True when an untracked, not ignored file (or non-empty folder) sits
    /// at `path` or where one of its parent folders must go.
    private func untrackedInTheWay(_ path: [UInt8], tracked: Set<[UInt8]>, folders: inout [[UInt8]: Bool]) -> Bool {
        for (i, byte) in path.enumerated() where byte == 0x2F {
            let parent = Array(path[..<i])
            if tracked.contains(parent) { continue }
            if let known = folders[parent] {
                if known { continue }
                return true
            }
            guard let st = cleanliness.stat(parent) else {
                // Nothing below an absent folder can be in the way.
                folders[parent] = true
                return false
            }
            let inTheWay = !st.isDirectory && !ignore.isIgnored(path: parent, isDirectory: false)
            folders[parent] = !inTheWay
            if inTheWay { return true }
        }
        guard let st = cleanliness.stat(path) else { return false }
        if st.isDirectory {
            let prefix = path + [0x2F]
            if tracked.contains(where: { $0.starts(with: prefix) }) { return false }
            let listing = (try? FileManager.default.contentsOfDirectory(atPath: WorkTreeFiles.fullPath(root, path))) ?? []
            return !listing.isEmpty && !ignore.isIgnored(path: path, isDirectory: true)
        }
        return !ignore.isIgnored(path: path, isDirectory: false)
    }

    static func same(_ a: FlatTreeEntry?, _ b: FlatTreeEntry?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.id == y.id && x.mode == y.mode
        default: return false
        }
    }

    static func same(_ i: IndexEntry, _ f: FlatTreeEntry) -> Bool {
        i.id == f.id && i.mode == f.mode.rawValue
    }
}
