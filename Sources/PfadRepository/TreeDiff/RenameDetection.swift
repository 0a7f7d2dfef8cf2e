import PfadDiff
import PfadObjects

/// git's rename detection (`-M`, `Documentation/gitdiffcore.txt`,
/// "diffcore-rename") over a list of `TreeChange`s: a deleted and an added
/// file become one rename. Files with the same blob id pair first (no
/// content is read; among several candidates the one with the same file
/// name wins); the remaining regular files pair by similarity
/// (`RenameDetector`, at least `threshold` percent). Each rename takes the
/// place of its added file, the deleted one disappears.
public struct RenameDetection {
    /// Minimum similarity in percent (git's default 50).
    public var threshold: Int
    /// Above this many deleted × added candidates (squared), only exact
    /// renames are looked for (git's `diff.renameLimit`, default 1000).
    public var limit: Int

    /// A detector with `threshold` percent and the candidate `limit`.
    public init(threshold: Int = 50, limit: Int = 1000) {
        self.threshold = threshold
        self.limit = limit
    }

    /// `changes` with renames paired. `content` yields a side's bytes (read
    /// only for candidates of an inexact rename). Time O(D·A·lines) for D
    /// deleted and A added files left after exact pairing.
    public func apply(
        to changes: [TreeChange], content: (DiffEndpoint) throws -> [UInt8]
    ) rethrows -> [TreeChange] {
        let deleted = changes.indices.filter { changes[$0].new == nil && changes[$0].old?.mode.isGitlink == false }
        let added = changes.indices.filter { changes[$0].old == nil && changes[$0].new?.mode.isGitlink == false }
        guard !deleted.isEmpty, !added.isEmpty else { return changes }
        var renameOf: [Int: (from: Int, score: Int)] = [:]  // added index → deleted index
        var usedDeleted = Set<Int>()

        // Exact renames by id and file type.
        var byID: [ObjectID: [Int]] = [:]
        for d in deleted {
            if let old = changes[d].old { byID[old.id, default: []].append(d) }
        }
        for a in added {
            guard let new = changes[a].new, var candidates = byID[new.id], !candidates.isEmpty else { continue }
            candidates.removeAll { usedDeleted.contains($0) || !Self.sameType(changes[$0].old?.mode, new.mode) }
            guard !candidates.isEmpty else { continue }
            let name = Self.baseName(new.path)
            let pick = candidates.first { changes[$0].old.map { Self.baseName($0.path) } == name } ?? candidates[0]
            renameOf[a] = (pick, 100)
            usedDeleted.insert(pick)
        }

        // Inexact renames among regular files.
        let restDeleted = deleted.filter { !usedDeleted.contains($0) && changes[$0].old?.mode.isRegularFile == true }
        let restAdded = added.filter { renameOf[$0] == nil && changes[$0].new?.mode.isRegularFile == true }
        if !restDeleted.isEmpty, !restAdded.isEmpty, restDeleted.count * restAdded.count <= limit * limit {
            let sources = try restDeleted.map { i -> RenameCandidate in
                let side = changes[i].old.map { ($0.path, $0) }
                return RenameCandidate(path: side?.0 ?? [], content: try side.map { try content($0.1) } ?? [])
            }
            let targets = try restAdded.map { i -> RenameCandidate in
                let side = changes[i].new.map { ($0.path, $0) }
                return RenameCandidate(path: side?.0 ?? [], content: try side.map { try content($0.1) } ?? [])
            }
            for pair in RenameDetector.detect(deleted: sources, added: targets, minimumScore: threshold) {
                renameOf[restAdded[pair.addedIndex]] = (restDeleted[pair.deletedIndex], pair.score)
                usedDeleted.insert(restDeleted[pair.deletedIndex])
            }
        }
        guard !renameOf.isEmpty else { return changes }
        var out: [TreeChange] = []
        out.reserveCapacity(changes.count - renameOf.count)
        for i in changes.indices {
            if usedDeleted.contains(i) { continue }
            if let rename = renameOf[i] {
                out.append(TreeChange(old: changes[rename.from].old, new: changes[i].new, similarity: rename.score))
            } else {
                out.append(changes[i])
            }
        }
        return out
    }

    static func sameType(_ a: FileMode?, _ b: FileMode) -> Bool {
        guard let a else { return false }
        return a.rawValue & 0o170000 == b.rawValue & 0o170000
    }

    static func baseName(_ path: [UInt8]) -> ArraySlice<UInt8> {
        if let slash = path.lastIndex(of: 0x2F) { return path[(slash + 1)...] }
        return path[...]
    }
}

extension FileMode {
    /// True for `100644`/`100755` (and other regular-file modes).
    var isRegularFile: Bool { rawValue & 0o170000 == 0o100000 }
}
