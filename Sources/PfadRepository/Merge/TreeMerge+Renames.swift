import PfadObjects

extension TreeMerge {
    /// A path renamed on one side: where each side has it.
    struct RenamedPath {
        /// The path on our side.
        var oursPath: [UInt8]
        /// The path on their side.
        var theirsPath: [UInt8]
    }

    /// Renames from `base` to `side` (`TreeDiff` with `RenameDetection`,
    /// git's 50% similarity), as (from, to) pairs.
    /// Time: one tree diff plus the rename detection of the changed files.
    func renames(base: ObjectID, side: ObjectID) throws -> [(from: [UInt8], to: [UInt8])] {
        let changes = try TreeDiff(repository).trees(old: base, new: side)
        let paired = try RenameDetection().apply(to: changes) { try repository.readObject($0.id).content }
        return paired.compactMap { change in
            guard change.similarity != nil, let old = change.old, let new = change.new else { return nil }
            return (old.path, new.path)
        }
    }

    /// Follows renames made on one side only: the other side's version (and
    /// the base's) moves to the new path, so that changes on the other side
    /// are merged into the renamed file, as git's `ort` does. Renames on
    /// both sides of the same path, or onto a path the other side also
    /// uses, are left alone (a delete plus adds).
    /// - Returns: the renamed paths (keyed by the merged path) for marker labels.
    func followRenames(
        base: ObjectID, ours: ObjectID, theirs: ObjectID,
        baseMap: inout [[UInt8]: MergeSide], oursMap: inout [[UInt8]: MergeSide], theirsMap: inout [[UInt8]: MergeSide]
    ) throws -> [[UInt8]: RenamedPath] {
        let oursRenames = try renames(base: base, side: ours)
        let theirsRenames = try renames(base: base, side: theirs)
        let renamedByOurs = Set(oursRenames.map(\.from))
        let renamedByTheirs = Set(theirsRenames.map(\.from))
        var renamed: [[UInt8]: RenamedPath] = [:]
        for (from, to) in oursRenames where !renamedByTheirs.contains(from) {
            guard let moved = theirsMap[from], theirsMap[to] == nil, baseMap[to] == nil else { continue }
            theirsMap[to] = moved
            theirsMap[from] = nil
            baseMap[to] = baseMap[from]
            baseMap[from] = nil
            renamed[to] = RenamedPath(oursPath: to, theirsPath: from)
        }
        for (from, to) in theirsRenames where !renamedByOurs.contains(from) {
            guard let moved = oursMap[from], oursMap[to] == nil, baseMap[to] == nil else { continue }
            oursMap[to] = moved
            oursMap[from] = nil
            baseMap[to] = baseMap[from]
            baseMap[from] = nil
            renamed[to] = RenamedPath(oursPath: from, theirsPath: to)
        }
        return renamed
    }
}
