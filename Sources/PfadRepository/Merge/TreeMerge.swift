import PfadDiff
import PfadObjects
import PfadStore

/// Merges three trees path by path, as git's `ort` strategy does for the
/// cases pfad supports: a side that did not change a path takes the other
/// side's version; changes on both sides to a text file go through the
/// three-way text merge (`PfadDiff.ThreeWayMerge`); everything else that
/// both sides changed differently is a conflict recorded with its stages.
///
/// Renames on one side are followed (`TreeMerge+Renames`); file/directory
/// conflicts are refused (`RepositoryError.other`).
///
/// Time: O(paths) plus one text merge per path changed on both sides; reads
/// every tree of the three inputs and the blobs that need merging.
public struct TreeMerge {
    /// The repository holding the trees; merged blobs are written to it.
    public let repository: Repository
    /// Marker labels: `currentLabel` (git: `HEAD`) and `otherLabel` (the
    /// branch or commit name as given); style from `merge.conflictStyle`.
    public var textOptions: MergeOptions
    /// True while building a virtual merge base: conflicts are resolved in
    /// the tree (text with markers, base version for modify/delete).
    public var isVirtualBase = false

    /// Creates a merger writing to `repository`.
    public init(_ repository: Repository, oursLabel: String = "HEAD", theirsLabel: String, style: ConflictStyle = .merge) {
        self.repository = repository
        self.textOptions = MergeOptions(
            style: style, currentLabel: Array(oursLabel.utf8), baseLabel: nil, otherLabel: Array(theirsLabel.utf8))
    }

    /// Merges `ours` and `theirs` against `base` (nil: the empty tree) and
    /// writes the resulting tree.
    /// - Throws: missing or corrupt objects, file/directory conflicts.
    public func merge(base: ObjectID?, ours: ObjectID, theirs: ObjectID) throws -> TreeMergeResult {
        var baseMap = try base.map { try flatMap($0) } ?? [:]
        var oursMap = try flatMap(ours)
        var theirsMap = try flatMap(theirs)
        var renamed: [[UInt8]: RenamedPath] = [:]
        if let base {
            renamed = try followRenames(
                base: base, ours: ours, theirs: theirs, baseMap: &baseMap, oursMap: &oursMap, theirsMap: &theirsMap)
        }
        var allPaths = Set(baseMap.keys)
        allPaths.formUnion(oursMap.keys)
        allPaths.formUnion(theirsMap.keys)
        let sorted = allPaths.sorted { $0.lexicographicallyPrecedes($1) }

        var paths: [MergedPath] = []
        var messages: [String] = []
        paths.reserveCapacity(sorted.count)
        for path in sorted {
            var merger = self
            if let rename = renamed[path] {
                // git labels markers of a renamed file with "side:path".
                merger.textOptions.currentLabel = (textOptions.currentLabel ?? []) + [0x3A] + rename.oursPath
                merger.textOptions.otherLabel = (textOptions.otherLabel ?? []) + [0x3A] + rename.theirsPath
                merger.sideNames = (oursName, theirsName)
            }
            let merged = try merger.mergePath(
                path, base: baseMap[path], ours: oursMap[path], theirs: theirsMap[path], messages: &messages)
            paths.append(merged)
        }
        try Self.checkNoFileDirectoryConflict(paths)
        let flat = paths.compactMap { p in p.result.map { FlatTreeEntry(path: p.path, mode: $0.mode, id: $0.id) } }
        let tree = try TreeBuilder(repository).writeTree(from: flat)
        return TreeMergeResult(paths: paths, messages: messages, tree: tree)
    }

    private func flatMap(_ tree: ObjectID) throws -> [[UInt8]: MergeSide] {
        var map: [[UInt8]: MergeSide] = [:]
        for entry in try repository.flattenTree(tree) { map[entry.path] = MergeSide(mode: entry.mode, id: entry.id) }
        return map
    }

    /// One path: the trivial cases first, then the content merge.
    func mergePath(
        _ path: [UInt8], base: MergeSide?, ours: MergeSide?, theirs: MergeSide?, messages: inout [String]
    ) throws -> MergedPath {
        var merged = MergedPath(
            path: path, base: base, ours: ours, theirs: theirs, result: nil, conflict: nil, contentMerged: false)
        if ours == theirs {
            merged.result = ours
            return merged
        }
        if ours == base {
            merged.result = theirs
            return merged
        }
        if theirs == base {
            merged.result = ours
            return merged
        }
        let name = String(decoding: path, as: UTF8.self)
        guard let ours, let theirs else {
            // One side deleted, the other changed.
            if isVirtualBase {
                merged.result = base
                return merged
            }
            let deletedBy = ours == nil ? oursName : theirsName
            let modifiedBy = ours == nil ? theirsName : oursName
            merged.conflict = .modifyDelete
            merged.result = ours ?? theirs
            messages.append(
                "CONFLICT (modify/delete): \(name) deleted in \(deletedBy) and modified in \(modifiedBy).  Version \(modifiedBy) of \(name) left in tree.")
            return merged
        }
        return try mergeContent(merged, ours: ours, theirs: theirs, name: name, messages: &messages)
    }

    /// Side names for messages when the marker labels carry paths.
    var sideNames: (ours: String, theirs: String)?
    var oursName: String { sideNames?.ours ?? String(decoding: textOptions.currentLabel ?? [], as: UTF8.self) }
    var theirsName: String { sideNames?.theirs ?? String(decoding: textOptions.otherLabel ?? [], as: UTF8.self) }

    /// Both sides hold the path and differ.
    private func mergeContent(
        _ start: MergedPath, ours: MergeSide, theirs: MergeSide, name: String, messages: inout [String]
    ) throws -> MergedPath {
        var merged = start
        let base = start.base
        let kind: MergeConflictKind = base == nil ? .addAdd : .content

        // The mode: whichever side changed it; both changed differently is a conflict.
        var mode = ours.mode
        var modeConflict = false
        if ours.mode != theirs.mode {
            if let base, ours.mode == base.mode {
                mode = theirs.mode
            } else if let base, theirs.mode == base.mode {
                mode = ours.mode
            } else {
                modeConflict = true
            }
        }
        let sameType = Self.typeBits(ours.mode) == Self.typeBits(theirs.mode)
            && (base.map { Self.typeBits($0.mode) == Self.typeBits(ours.mode) } ?? true)

        // The object: whichever side changed it.
        if ours.id == theirs.id || (base.map { theirs.id == $0.id } ?? false) {
            merged.result = MergeSide(mode: mode, id: ours.id)
        } else if let base, ours.id == base.id {
            merged.result = MergeSide(mode: mode, id: theirs.id)
        } else if sameType && Self.isRegular(ours.mode) {
            merged.contentMerged = true
            messages.append("Auto-merging \(name)")
            let baseBytes = try base.map { try repository.readObject($0.id).content } ?? []
            let oursBytes = try repository.readObject(ours.id).content
            let theirsBytes = try repository.readObject(theirs.id).content
            if BinaryDetection.isBinary(baseBytes) || BinaryDetection.isBinary(oursBytes)
                || BinaryDetection.isBinary(theirsBytes)
            {
                if isVirtualBase {
                    merged.result = base ?? ours
                    return merged
                }
                messages.append("warning: Cannot merge binary files: \(name) (\(oursName) vs. \(theirsName))")
                merged.result = MergeSide(mode: mode, id: ours.id)
                merged.conflict = kind
                messages.append("CONFLICT (\(kind.rawValue)): Merge conflict in \(name)")
                return merged
            }
            let text = repository.contentMerger.merge(start.path, baseBytes, oursBytes, theirsBytes, textOptions)
            let id = try repository.objects.write(type: .blob, content: text.content)
            merged.result = MergeSide(mode: mode, id: id)
            if text.conflicts > 0 && !isVirtualBase {
                merged.conflict = kind
                messages.append("CONFLICT (\(kind.rawValue)): Merge conflict in \(name)")
                return merged
            }
        } else {
            // Symlinks, submodules or a type change on both sides: keep ours.
            if isVirtualBase {
                merged.result = base ?? ours
                return merged
            }
            merged.result = ours
            merged.conflict = kind
            messages.append("CONFLICT (\(kind.rawValue)): Merge conflict in \(name)")
            return merged
        }
        if modeConflict && !isVirtualBase {
            merged.conflict = .modeChange
            messages.append("CONFLICT (\(kind.rawValue)): Merge conflict in \(name)")
        }
        return merged
    }

    static func typeBits(_ mode: FileMode) -> UInt32 { mode.rawValue & 0o170000 }

    static func isRegular(_ mode: FileMode) -> Bool { typeBits(mode) == 0o100000 }

    /// Refuses results where a path is both a file and a folder.
    static func checkNoFileDirectoryConflict(_ paths: [MergedPath]) throws {
        let present = paths.filter { $0.result != nil }.map(\.path)
        let set = Set(present)
        for path in present {
            for (i, byte) in path.enumerated() where byte == 0x2F && set.contains(Array(path[..<i])) {
                throw RepositoryError.other(
                    "merge: file/directory conflict at '\(String(decoding: path[..<i], as: UTF8.self))' is not supported by pfad")
            }
        }
    }
}
