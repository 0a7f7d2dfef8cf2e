import Foundation

/// `lstat` of many work-tree paths, each through an open descriptor of its
/// folder (`fstatat(dirfd, name, AT_SYMLINK_NOFOLLOW)`): the kernel walks one
/// path component per call instead of the whole absolute path. Paths should
/// come grouped by folder (index order does that); a folder's descriptor is
/// kept until the next folder is needed.
///
/// The same answers as `lstat(root + "/" + path)`: intermediate components
/// are followed as `lstat` follows them, the last one is not.
struct DirectoryStatter: ~Copyable {
    private let rootFD: Int32
    private var folder: [UInt8] = []
    private var folderFD: Int32
    private var folderMissing = false
    private var name: [UInt8] = []

    /// Opens the work tree root; every later path is relative to it.
    init(root: String) {
        rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        folderFD = rootFD
    }

    deinit {
        if folderFD != rootFD && folderFD >= 0 { close(folderFD) }
        if rootFD >= 0 { close(rootFD) }
    }

    /// Stat data of `path` (relative, '/'-separated); nil if it does not exist.
    mutating func lstat(_ path: [UInt8]) -> StatData? {
        guard rootFD >= 0 else { return nil }
        let slash = path.lastIndex(of: 0x2F)
        let dirLength = slash ?? 0
        // Same folder as the previous path? Compared in place (no array per path).
        if !(folder.count == dirLength && Self.sharesPrefix(path, folder, dirLength)) {
            switchFolder(to: Array(path[..<dirLength]))
        }
        if folderMissing { return nil }
        name.removeAll(keepingCapacity: true)
        name.append(contentsOf: path[(slash.map { $0 + 1 } ?? 0)...])
        name.append(0)
        var st = stat()
        let fd = folderFD
        let result = name.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return fstatat(fd, base.assumingMemoryBound(to: CChar.self), &st, AT_SYMLINK_NOFOLLOW)
        }
        return result == 0 ? StatData(st) : nil
    }

    /// True if the first `count` bytes of `a` and `b` are equal (both hold at least `count`).
    private static func sharesPrefix(_ a: [UInt8], _ b: [UInt8], _ count: Int) -> Bool {
        guard count > 0 else { return true }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return false }
                return memcmp(p, q, count) == 0
            }
        }
    }

    private mutating func switchFolder(to dir: [UInt8]) {
        if folderFD != rootFD && folderFD >= 0 { close(folderFD) }
        folder = dir
        folderMissing = false
        if dir.isEmpty {
            folderFD = rootFD
            return
        }
        var cPath = dir.map { CChar(bitPattern: $0) }
        cPath.append(0)
        let root = rootFD
        folderFD = cPath.withUnsafeBufferPointer { ptr in
            ptr.baseAddress.map { openat(root, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
        }
        if folderFD < 0 {
            folderMissing = true
            folderFD = rootFD
        }
    }
}
