/// One thing found in the work tree by `WorkTreeWalker`.
public struct WorkTreeEntry: Sendable, Hashable {
    /// What kind of file system object the entry is.
    public enum Kind: Sendable, Hashable {
        /// A regular file.
        case file
        /// A symbolic link (never followed).
        case symlink
        /// A directory (in untracked listings: a whole untracked folder, shown as `dir/`).
        case directory
        /// A directory holding its own `.git`: a nested repository, not entered.
        case repository
    }

    /// Path relative to the top of the work tree, `/`-separated, as the file system returned it.
    public var path: [UInt8]
    /// `lstat` data of the path.
    public var stat: StatData
    /// File, symlink, directory or nested repository.
    public var kind: Kind

    /// An entry from its parts.
    public init(path: [UInt8], stat: StatData, kind: Kind) {
        self.path = path
        self.stat = stat
        self.kind = kind
    }

    /// The path as git prints untracked entries: directories and nested
    /// repositories with a trailing `/`.
    public var displayPath: [UInt8] {
        kind == .directory || kind == .repository ? path + [0x2F] : path
    }
}
