/// How conflicts are written (`git merge-file --diff3`, `--zdiff3`).
public enum ConflictStyle: String, Sendable, Hashable, CaseIterable {
    /// `<<<<<<< ours` … `=======` … `>>>>>>> theirs`; conflicts are
    /// narrowed to the lines where the two sides really differ.
    case merge
    /// Like `merge` plus the base text after `|||||||`; conflicts are not narrowed.
    case diff3
    /// diff3 with the lines common to both sides at the start and end of a
    /// conflict moved out of it.
    case zdiff3
}

/// How conflicts are resolved automatically (`--ours`, `--theirs`, `--union`).
public enum ConflictFavor: String, Sendable, Hashable {
    /// Keep the current side of each conflict.
    case ours
    /// Keep the other side of each conflict.
    case theirs
    /// Keep both sides, current first.
    case union
}

/// Settings of a three-way merge.
public struct MergeOptions: Sendable, Hashable {
    /// The conflict style.
    public var style: ConflictStyle
    /// Automatic resolution, if any (then the merge reports no conflicts).
    public var favor: ConflictFavor?
    /// Labels after `<<<<<<<`, `|||||||` and `>>>>>>>` (nil: bare marker).
    public var currentLabel: [UInt8]?
    /// Label after `|||||||`.
    public var baseLabel: [UInt8]?
    /// Label after `>>>>>>>`.
    public var otherLabel: [UInt8]?
    /// Length of the conflict markers (git's default 7).
    public var markerSize: Int
    /// The line diff used against the base.
    public var algorithm: DiffAlgorithm

    /// Creates options; defaults are git merge-file's.
    public init(
        style: ConflictStyle = .merge, favor: ConflictFavor? = nil,
        currentLabel: [UInt8]? = nil, baseLabel: [UInt8]? = nil, otherLabel: [UInt8]? = nil,
        markerSize: Int = 7, algorithm: DiffAlgorithm = .myers
    ) {
        self.style = style
        self.favor = favor
        self.currentLabel = currentLabel
        self.baseLabel = baseLabel
        self.otherLabel = otherLabel
        self.markerSize = markerSize
        self.algorithm = algorithm
    }
}

/// The outcome of a three-way merge.
public struct MergeResult: Sendable, Hashable {
    /// The merged text, with conflict markers where needed.
    public var content: [UInt8]
    /// Number of conflict blocks in `content`.
    public var conflicts: Int

    /// Creates a result.
    public init(content: [UInt8], conflicts: Int) {
        self.content = content
        self.conflicts = conflicts
    }
}
