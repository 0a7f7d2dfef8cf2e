import PfadObjects

/// One entry of the index: a path at a merge stage with the object id and
/// the `lstat` data cached when the entry was last known to match the work tree.
///
/// All numeric stat fields are stored as the index stores them: 32 bits,
/// truncated (`size` is the low 32 bits of the file size). The mode is the raw
/// octal git mode (`0o100644`, `0o100755`, `0o120000`, `0o160000`).
public struct IndexEntry: Sendable, Hashable {
    /// Last status change of the file (`st_ctime`).
    public var ctime: IndexTime
    /// Last data change of the file (`st_mtime`).
    public var mtime: IndexTime
    /// Device number (`st_dev`), truncated to 32 bits.
    public var dev: UInt32
    /// Inode number (`st_ino`), truncated to 32 bits.
    public var ino: UInt32
    /// Raw git mode: `0o100644`, `0o100755`, `0o120000` or `0o160000`.
    public var mode: UInt32
    /// Owner (`st_uid`).
    public var uid: UInt32
    /// Group (`st_gid`).
    public var gid: UInt32
    /// File size in bytes, truncated to 32 bits.
    public var size: UInt32
    /// The blob (or, for a gitlink, commit) id.
    public var id: ObjectID
    /// The assume-valid ("assume unchanged") flag.
    public var assumeValid: Bool
    /// Merge stage: 0 for a normal entry, 1 base, 2 ours, 3 theirs.
    public var stage: UInt8
    /// The skip-worktree flag (sparse checkout); needs index version 3.
    public var skipWorktree: Bool
    /// The intent-to-add flag (`git add -N`); needs index version 3.
    public var intentToAdd: Bool
    /// Path relative to the top of the work tree, `/`-separated, as bytes.
    public var path: [UInt8]

    /// An entry with the given fields; stat fields default to zero, as git
    /// writes them for entries that never touched the work tree.
    public init(
        path: [UInt8], id: ObjectID, mode: UInt32, stage: UInt8 = 0,
        ctime: IndexTime = .zero, mtime: IndexTime = .zero,
        dev: UInt32 = 0, ino: UInt32 = 0, uid: UInt32 = 0, gid: UInt32 = 0, size: UInt32 = 0,
        assumeValid: Bool = false, skipWorktree: Bool = false, intentToAdd: Bool = false
    ) {
        self.ctime = ctime
        self.mtime = mtime
        self.dev = dev
        self.ino = ino
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.id = id
        self.assumeValid = assumeValid
        self.stage = stage
        self.skipWorktree = skipWorktree
        self.intentToAdd = intentToAdd
        self.path = path
    }
}

extension IndexEntry {
    /// On-disk bit of the assume-valid flag in the 16-bit flags field.
    static let assumeValidBit: UInt16 = 0x8000
    /// On-disk bit announcing the 16-bit extended flags field (version 3+).
    static let extendedBit: UInt16 = 0x4000
    /// Mask of the 12-bit name length.
    static let nameLengthMask: UInt16 = 0x0FFF
    /// Extended flag: skip-worktree.
    static let skipWorktreeBit: UInt16 = 0x4000
    /// Extended flag: intent-to-add.
    static let intentToAddBit: UInt16 = 0x2000

    /// The 16-bit flags field as written to disk: assume-valid, extended,
    /// stage and the name length (capped at `0xFFF`).
    public var flags: UInt16 {
        var value = UInt16(min(path.count, Int(Self.nameLengthMask)))
        value |= UInt16(stage & 3) << 12
        if assumeValid { value |= Self.assumeValidBit }
        if needsExtendedFlags { value |= Self.extendedBit }
        return value
    }

    /// The 16-bit extended flags field (only written when non-zero, in version 3).
    public var extendedFlags: UInt16 {
        (skipWorktree ? Self.skipWorktreeBit : 0) | (intentToAdd ? Self.intentToAddBit : 0)
    }

    /// True if writing this entry needs index version 3 (skip-worktree or intent-to-add set).
    public var needsExtendedFlags: Bool { skipWorktree || intentToAdd }

    /// The type bits of `mode` (`0o170000` mask).
    public var modeType: UInt32 { mode & 0o170000 }

    /// True for a regular file (`100644` or `100755`).
    public var isRegularFile: Bool { modeType == 0o100000 }
    /// True for a symbolic link (`120000`).
    public var isSymlink: Bool { modeType == 0o120000 }
    /// True for a gitlink (submodule commit, `160000`).
    public var isGitlink: Bool { modeType == 0o160000 }

    /// Index order: path bytes (`memcmp`), then stage.
    public static func precedes(_ lhs: IndexEntry, _ rhs: IndexEntry) -> Bool {
        IndexFile.compare(lhs.path, lhs.stage, rhs.path, rhs.stage) < 0
    }
}
