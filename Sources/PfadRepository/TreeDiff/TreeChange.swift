import PfadObjects

/// One side of a changed file pair: where it is, its mode and its blob.
public struct DiffEndpoint: Sendable, Hashable {
    /// Repository-relative path, '/'-separated bytes.
    public var path: [UInt8]
    /// The file's mode (regular, executable, symlink or gitlink).
    public var mode: FileMode
    /// The blob (or, for a gitlink, commit) id. For a work-tree side this
    /// is the id the file's content hashes to.
    public var id: ObjectID
    /// True when the content lives in the work tree (not in the object
    /// database): read it from the file, not from `id`.
    public var inWorkTree: Bool

    /// Creates an endpoint.
    public init(path: [UInt8], mode: FileMode, id: ObjectID, inWorkTree: Bool = false) {
        self.path = path
        self.mode = mode
        self.id = id
        self.inWorkTree = inWorkTree
    }
}

/// One file that differs between two snapshots, with git's status letter
/// (`Documentation/diff-format.txt`): added (`old == nil`), deleted
/// (`new == nil`), modified, type changed, or renamed (`similarity` set).
public struct TreeChange: Sendable, Hashable {
    /// The old side, nil for an added file.
    public var old: DiffEndpoint?
    /// The new side, nil for a deleted file.
    public var new: DiffEndpoint?
    /// For a rename: the similarity score in percent.
    public var similarity: Int?

    /// Creates a change.
    public init(old: DiffEndpoint?, new: DiffEndpoint?, similarity: Int? = nil) {
        self.old = old
        self.new = new
        self.similarity = similarity
    }

    /// True when a path changed between file, symlink and submodule.
    public var isTypeChange: Bool {
        guard let old, let new, similarity == nil else { return false }
        return old.mode.rawValue & 0o170000 != new.mode.rawValue & 0o170000
    }

    /// git's letter: `A`, `D`, `M`, `T` or `R`.
    public var statusLetter: UInt8 {
        if old == nil { return 0x41 }
        if new == nil { return 0x44 }
        if similarity != nil { return 0x52 }
        return isTypeChange ? 0x54 : 0x4D
    }

    /// The path the change sorts and is limited by (the new one when present).
    public var path: [UInt8] { new?.path ?? old?.path ?? [] }
}
