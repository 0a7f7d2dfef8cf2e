import PfadObjects

/// A side's version of one path in a three-way merge: mode and object.
public struct MergeSide: Sendable, Hashable {
    /// The entry's mode (regular, executable, symlink or gitlink).
    public var mode: FileMode
    /// The blob (or commit, for a gitlink).
    public var id: ObjectID

    /// Creates a version.
    public init(mode: FileMode, id: ObjectID) {
        self.mode = mode
        self.id = id
    }
}

/// What git calls a conflict type, as printed after `CONFLICT (…)`.
public enum MergeConflictKind: String, Sendable, Hashable {
    /// Both sides changed the text in overlapping places.
    case content
    /// Both sides added the path with different contents.
    case addAdd = "add/add"
    /// One side deleted the path, the other changed it.
    case modifyDelete = "modify/delete"
    /// Both sides changed the mode or type in different ways.
    case modeChange = "mode"
    /// Binary files, symlinks or submodules that changed on both sides.
    case binary
}

/// The merge result for one path.
public struct MergedPath: Sendable, Hashable {
    /// Full path, '/'-separated.
    public var path: [UInt8]
    /// The version in the common ancestor (the merge base), nil when absent.
    public var base: MergeSide?
    /// Our version (HEAD), nil when absent.
    public var ours: MergeSide?
    /// Their version (the commit merged), nil when absent.
    public var theirs: MergeSide?
    /// The merged version: the stage-0 entry when clean, the version left in
    /// the work tree (with conflict markers for text) when conflicted; nil
    /// when the path is deleted (or, conflicted, absent from the work tree).
    public var result: MergeSide?
    /// The conflict, nil when the path merged cleanly.
    public var conflict: MergeConflictKind?
    /// True when both sides' contents went through the three-way text merge
    /// (git prints `Auto-merging PATH`).
    public var contentMerged: Bool

    /// True when the path merged without conflict.
    public var isClean: Bool { conflict == nil }
}

/// The outcome of merging three trees: every path that exists in any of
/// them, in index order, plus the messages git prints.
public struct TreeMergeResult: Sendable {
    /// Paths in bytewise order.
    public var paths: [MergedPath]
    /// `Auto-merging …`, `CONFLICT (…): …` lines, in git's order.
    public var messages: [String]
    /// The clean tree (conflicted paths as left in the work tree), written
    /// to the object database; git records it as `AUTO_MERGE`.
    public var tree: ObjectID

    /// True when no path conflicts.
    public var isClean: Bool { paths.allSatisfy(\.isClean) }

    /// Paths with conflicts.
    public var conflictedPaths: [[UInt8]] { paths.filter { !$0.isClean }.map(\.path) }
}
