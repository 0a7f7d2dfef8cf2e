import PfadDiff
import PfadObjects

/// Finds where a file that a parent lacks came from: the parent→child tree
/// difference is searched for renames (git's default rename detection, 50%
/// similarity, exact renames first) and the deleted file paired with the
/// child's path is its source.
///
/// I/O: reads the trees that differ between parent and child, and the
/// contents of added and deleted files only when both kinds exist.
struct BlameRenameFinder {
    let repository: Repository

    /// A file of the tree difference.
    private struct Side {
        var path: [UInt8]
        var id: ObjectID
    }

    /// The parent's path and blob that `path` of the child was renamed
    /// from; nil when it was added.
    func source(of path: [UInt8], parentTree: ObjectID, childTree: ObjectID) throws -> (path: [UInt8], blob: ObjectID)? {
        var deleted: [Side] = []
        var added: [Side] = []
        try compare(parentTree, childTree, prefix: [], deleted: &deleted, added: &added)
        guard !deleted.isEmpty, let index = added.firstIndex(where: { $0.path == path }) else { return nil }
        let deletedFiles = try deleted.map { RenameCandidate(path: $0.path, content: try repository.readObject($0.id).content) }
        let addedFiles = try added.map { RenameCandidate(path: $0.path, content: try repository.readObject($0.id).content) }
        let pairs = RenameDetector.detect(deleted: deletedFiles, added: addedFiles)
        guard let pair = pairs.first(where: { $0.addedIndex == index }) else { return nil }
        return (deleted[pair.deletedIndex].path, deleted[pair.deletedIndex].id)
    }

    /// Collects the files only in `old` (deleted) and only in `new` (added),
    /// skipping identical subtrees.
    private func compare(
        _ old: ObjectID?, _ new: ObjectID?, prefix: [UInt8], deleted: inout [Side], added: inout [Side]
    ) throws {
        if old == new { return }
        let oldEntries = try old.map { try repository.readTree($0).entries } ?? []
        let newEntries = try new.map { try repository.readTree($0).entries } ?? []
        var byName: [[UInt8]: TreeEntry] = [:]
        for entry in oldEntries { byName[entry.name] = entry }
        var seen = Set<[UInt8]>()
        for entry in newEntries {
            let path = prefix + entry.name
            let before = byName[entry.name]
            seen.insert(entry.name)
            let newIsFile = BlameWalk.isFile(entry.mode)
            let oldIsFile = before.map { BlameWalk.isFile($0.mode) } ?? false
            if entry.mode.isDirectory {
                let oldTree = before.flatMap { $0.mode.isDirectory ? $0.id : nil }
                try compare(oldTree, entry.id, prefix: path + [0x2F], deleted: &deleted, added: &added)
            } else if newIsFile && !oldIsFile && !entry.mode.isGitlink {
                added.append(Side(path: path, id: entry.id))
            }
            if let before, before.mode.isDirectory, !entry.mode.isDirectory {
                try compare(before.id, nil, prefix: path + [0x2F], deleted: &deleted, added: &added)
            } else if let before, oldIsFile, !newIsFile {
                deleted.append(Side(path: path, id: before.id))
            }
        }
        for entry in oldEntries where !seen.contains(entry.name) {
            let path = prefix + entry.name
            if entry.mode.isDirectory {
                try compare(entry.id, nil, prefix: path + [0x2F], deleted: &deleted, added: &added)
            } else if BlameWalk.isFile(entry.mode) {
                deleted.append(Side(path: path, id: entry.id))
            }
        }
    }
}
