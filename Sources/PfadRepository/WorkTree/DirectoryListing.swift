#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one directory read with `opendir`/`readdir`/`fstatat`
/// (no symlink following), sorted in git's order: byte order of the names,
/// where directory names compare as `name + "/"`. `.`, `..` and `.git` are
/// left out; `hasDotGit` records whether a `.git` was there. Temporary
/// files of `WorkTreeWriter` (`.pfad-tmp-…`) are left out too, and removed
/// when the process that made them no longer runs (a killed checkout).
struct DirectoryListing {
    struct Item {
        var name: [UInt8]
        var stat: StatData
        var kind: WorkTreeEntry.Kind?  // nil for sockets, FIFOs, devices
    }

    var items: [Item] = []
    /// True if the directory contains a `.git` entry (file or directory).
    var hasDotGit = false

    /// Reads directory `path` (bytes, absolute or relative to the cwd).
    /// Returns nil if it vanished or is not a directory; throws on other errors.
    /// Without `withStat` the kinds come from `readdir`'s `d_type` where the
    /// file system reports it (one system call less per entry, as git's
    /// untracked scan does) and `stat` is left zeroed.
    static func read(_ path: [UInt8], withStat: Bool = true) throws -> DirectoryListing? {
        guard let dir = RawFile.withCString(path, { opendir($0) }) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw IndexError.io(path: String(decoding: path, as: UTF8.self), operation: "opendir", errno: code)
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var listing = DirectoryListing()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                guard let base = raw.baseAddress else { return [] }
                let length = strnlen(base.assumingMemoryBound(to: CChar.self), raw.count)
                return [UInt8](UnsafeRawBufferPointer(start: base, count: length))
            }
            if name.first == 0x2E {
                if name.count == 1 || (name.count == 2 && name[1] == 0x2E) { continue }
                if name.count == 4 && name[1] == 0x67 && name[2] == 0x69 && name[3] == 0x74 {  // ".git"
                    listing.hasDotGit = true
                    continue
                }
                if name.starts(with: WorkTreeWriter.temporaryPrefix) {
                    if WorkTreeWriter.isStaleTemporary(name) {
                        _ = RawFile.withCString(name) { unlinkat(fd, $0, 0) }
                    }
                    continue
                }
            }
            if !withStat, let kind = Self.kind(ofDirectoryEntryType: entry.pointee.d_type) {
                listing.items.append(Item(name: name, stat: Self.unknownStat, kind: kind))
                continue
            }
            var st = stat()
            let ok = RawFile.withCString(name) { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }
            guard ok == 0 else { continue }  // vanished between readdir and stat
            let data = StatData(st)
            let kind: WorkTreeEntry.Kind?
            if data.isRegularFile {
                kind = .file
            } else if data.isSymlink {
                kind = .symlink
            } else if data.isDirectory {
                kind = .directory
            } else {
                kind = nil
            }
            listing.items.append(Item(name: name, stat: data, kind: kind))
        }
        // git's order: a folder sorts as if its name ended in "/". Compared
        // with memcmp, without building the keys (sorting through the
        // generic comparison was a visible part of `status`).
        func precedes(_ a: Item, _ b: Item) -> Bool {
            Self.memcmpPrecedes(a.name, a.kind == .directory, b.name, b.kind == .directory)
        }
        // tmpfs lists the newest entry first: a descending listing is
        // reversed in O(n) instead of insertion-sorted in O(n^2) moves.
        if Self.isDescending(listing.items, by: precedes) {
            listing.items.reverse()
        } else {
            listing.items.sort(by: precedes)
        }
        return listing
    }

    /// True if every item precedes the one before it.
    private static func isDescending(_ items: [Item], by precedes: (Item, Item) -> Bool) -> Bool {
        var i = 1
        while i < items.count {
            if !precedes(items[i], items[i - 1]) { return false }
            i += 1
        }
        return true
    }

    /// `precedes(_:_:_:_:)` through `memcmp`.
    static func memcmpPrecedes(_ lhs: [UInt8], _ lhsIsDirectory: Bool, _ rhs: [UInt8], _ rhsIsDirectory: Bool) -> Bool {
        let n = min(lhs.count, rhs.count)
        if n > 0 {
            let c = lhs.withUnsafeBytes { l in
                rhs.withUnsafeBytes { r -> Int32 in
                    guard let x = l.baseAddress, let y = r.baseAddress else { return 0 }
                    return memcmp(x, y, n)
                }
            }
            if c != 0 { return c < 0 }
        }
        let l = lhs.count > n ? Int(lhs[n]) : (lhsIsDirectory ? 0x2F : -1)
        let r = rhs.count > n ? Int(rhs[n]) : (rhsIsDirectory ? 0x2F : -1)
        return l < r
    }

    /// Zeroed stat data for entries listed without `fstatat`.
    static let unknownStat = StatData(
        ctime: .zero, mtime: .zero, dev: 0, ino: 0, mode: 0, uid: 0, gid: 0, size: 0)

    /// The kind `d_type` tells, or nil when it does not tell (`DT_UNKNOWN`)
    /// or names something that is not a file, link or folder.
    static func kind(ofDirectoryEntryType type: UInt8) -> WorkTreeEntry.Kind?? {
        switch Int32(type) {
        case Int32(DT_REG): return .some(.file)
        case Int32(DT_LNK): return .some(.symlink)
        case Int32(DT_DIR): return .some(.directory)
        case Int32(DT_UNKNOWN): return nil
        default: return .some(nil)
        }
    }

    /// git's order of sibling names: bytes compared, a directory as if followed by `/`.
    static func precedes(_ lhs: [UInt8], _ lhsIsDirectory: Bool, _ rhs: [UInt8], _ rhsIsDirectory: Bool) -> Bool {
        let n = min(lhs.count, rhs.count)
        var i = 0
        while i < n {
            if lhs[i] != rhs[i] { return lhs[i] < rhs[i] }
            i += 1
        }
        let l: UInt8? = lhs.count > n ? lhs[n] : (lhsIsDirectory ? 0x2F : nil)
        let r: UInt8? = rhs.count > n ? rhs[n] : (rhsIsDirectory ? 0x2F : nil)
        switch (l, r) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?): return a < b
        }
    }
}
