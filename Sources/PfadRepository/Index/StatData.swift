#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `lstat` data of one work-tree path, in full width (the index keeps the
/// low 32 bits of most fields; `IndexEntry.matches(stat:)` truncates the same way).
public struct StatData: Sendable, Hashable {
    /// Last status change (`st_ctime`), seconds truncated to 32 bits.
    public var ctime: IndexTime
    /// Last data change (`st_mtime`), seconds truncated to 32 bits.
    public var mtime: IndexTime
    /// Device (`st_dev`).
    public var dev: UInt64
    /// Inode (`st_ino`).
    public var ino: UInt64
    /// Raw `st_mode` (type and permission bits).
    public var mode: UInt32
    /// Owner (`st_uid`).
    public var uid: UInt32
    /// Group (`st_gid`).
    public var gid: UInt32
    /// Size in bytes (`st_size`).
    public var size: Int64

    /// Stat data from its fields (for tests and callers that have them).
    public init(
        ctime: IndexTime, mtime: IndexTime, dev: UInt64, ino: UInt64, mode: UInt32,
        uid: UInt32, gid: UInt32, size: Int64
    ) {
        self.ctime = ctime
        self.mtime = mtime
        self.dev = dev
        self.ino = ino
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
    }

    /// Stat data from a C `stat` buffer.
    init(_ st: stat) {
        #if canImport(Darwin)
        let c = st.st_ctimespec
        let m = st.st_mtimespec
        #else
        let c = st.st_ctim
        let m = st.st_mtim
        #endif
        self.ctime = IndexTime(seconds: UInt32(truncatingIfNeeded: c.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: c.tv_nsec))
        self.mtime = IndexTime(seconds: UInt32(truncatingIfNeeded: m.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: m.tv_nsec))
        self.dev = UInt64(truncatingIfNeeded: st.st_dev)
        self.ino = UInt64(truncatingIfNeeded: st.st_ino)
        self.mode = UInt32(truncatingIfNeeded: st.st_mode)
        self.uid = UInt32(truncatingIfNeeded: st.st_uid)
        self.gid = UInt32(truncatingIfNeeded: st.st_gid)
        self.size = Int64(truncatingIfNeeded: st.st_size)
    }

    /// `lstat(path)` (symbolic links are not followed); nil if the path does
    /// not exist or cannot be examined. One system call.
    public static func of(path: String) -> StatData? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return StatData(st)
    }

    /// `lstat` of a path given as bytes (for names that are not UTF-8); nil if absent.
    public static func of(path: [UInt8]) -> StatData? {
        var st = stat()
        guard RawFile.withCString(path, { lstat($0, &st) }) == 0 else { return nil }
        return StatData(st)
    }

    /// The file-type bits of `mode`.
    var typeBits: UInt32 { mode & 0o170000 }
    /// True for a regular file.
    public var isRegularFile: Bool { typeBits == 0o100000 }
    /// True for a directory.
    public var isDirectory: Bool { typeBits == 0o040000 }
    /// True for a symbolic link.
    public var isSymlink: Bool { typeBits == 0o120000 }
    /// True if the owner-execute bit is set.
    public var isExecutable: Bool { mode & 0o100 != 0 }

    /// The git mode this path gets in the index: `0o120000` for a symlink,
    /// `0o160000` for a directory (a gitlink), otherwise `0o100755` if executable
    /// and `0o100644` if not. With `trustExecutableBit` false (`core.filemode`
    /// false) a regular file keeps `previousMode` when that was a regular mode.
    public func indexMode(trustExecutableBit: Bool = true, previousMode: UInt32? = nil) -> UInt32 {
        if isSymlink { return 0o120000 }
        if isDirectory { return 0o160000 }
        if !trustExecutableBit, let previous = previousMode, previous & 0o170000 == 0o100000 {
            return previous
        }
        return isExecutable ? 0o100755 : 0o100644
    }
}
