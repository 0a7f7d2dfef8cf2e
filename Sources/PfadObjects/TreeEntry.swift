/// One entry of a tree object: `<octal mode> SP <name> NUL <binary id>`.
public struct TreeEntry: Hashable, Sendable {
    /// The entry's mode.
    public var mode: FileMode
    /// The entry's name: one path component, raw bytes.
    public var name: [UInt8]
    /// The object the entry points to.
    public var id: ObjectID
    /// The mode bytes exactly as read, kept only when they differ from
    /// `mode.octalBytes` (e.g. a zero-padded `040000`), so such trees
    /// round-trip byte for byte. Nil for everything git writes today.
    public var writtenMode: [UInt8]?

    /// An entry with the canonical spelling of `mode`.
    public init(mode: FileMode, name: [UInt8], id: ObjectID) {
        self.mode = mode
        self.name = name
        self.id = id
        self.writtenMode = nil
    }

    /// An entry remembering a non-canonical spelling of its mode.
    public init(mode: FileMode, name: [UInt8], id: ObjectID, writtenMode: [UInt8]?) {
        self.init(mode: mode, name: name, id: id)
        if let writtenMode, writtenMode != mode.octalBytes { self.writtenMode = writtenMode }
    }

    /// True if the entry is a subtree.
    public var isDirectory: Bool { mode.isDirectory }

    /// The bytes git compares when ordering this entry: the name, plus `/`
    /// for directories.
    public var sortKey: [UInt8] { Tree.sortKey(name: name, isDirectory: mode.isDirectory) }
}
