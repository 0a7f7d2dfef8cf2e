#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers around the POSIX calls the store uses on its hot
/// paths (no Foundation, no `Data` copies). `readFile` is public: the work
/// tree reads files the same way.
public enum POSIX {
    /// Reads a whole file; nil if it does not exist (or is a directory).
    /// One `open`, one `fstat`, then `read` until EOF (a file that grows
    /// meanwhile is read to its new end). O(size).
    public static func readFile(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR || code == EISDIR { return nil }
            throw StoreError.io(operation: "open", path: path, errno: code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(operation: "fstat", path: path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return nil }
        return try readAll(fd: fd, sizeHint: Int(info.st_size), path: path)
    }

    /// Reads at most `limit` bytes from the start of a file; nil if absent.
    static func readPrefix(_ path: String, limit: Int) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw StoreError.io(operation: "open", path: path, errno: code)
        }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let n = out.withUnsafeMutableBytes { buf in
                read(fd, buf.baseAddress.map { $0 + filled }, limit - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(operation: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        out.removeLast(limit - filled)
        return out
    }

    /// Reads from `fd` until end of file.
    static func readAll(fd: Int32, sizeHint: Int, path: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var filled = 0
        while true {
            if filled == out.count {
                out.append(contentsOf: repeatElement(0, count: max(out.count, 4096)))
            }
            let room = out.count - filled
            let n = out.withUnsafeMutableBytes { buf in
                read(fd, buf.baseAddress.map { $0 + filled }, room)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(operation: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        out.removeLast(out.count - filled)
        return out
    }

    /// Writes all of `bytes` to `fd`, retrying short writes.
    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(operation: "write", path: path, errno: errno)
            }
            offset += n
        }
    }

    /// `fsync`, retrying on EINTR.
    static func sync(fd: Int32, path: String) throws {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(operation: "fsync", path: path, errno: errno)
        }
    }

    /// Flushes a directory's entries (after a rename into it). Errors such as
    /// EINVAL on file systems that cannot sync directories are ignored.
    static func syncDirectory(_ path: String) {
        let fd = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// `mkdir -p`: creates `path` and missing parents; existing directories are fine.
    static func makeDirectories(_ path: String, mode: mode_t = 0o777) throws {
        if path.isEmpty || mkdir(path, mode) == 0 { return }
        let code = errno
        if code == EEXIST { return }
        guard code == ENOENT else { throw StoreError.io(operation: "mkdir", path: path, errno: code) }
        let parent = directoryName(path)
        guard parent != path, !parent.isEmpty else { throw StoreError.io(operation: "mkdir", path: path, errno: code) }
        try makeDirectories(parent, mode: mode)
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw StoreError.io(operation: "mkdir", path: path, errno: errno)
        }
    }

    /// True if something exists at `path` (one `access` call).
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// True if `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Names in a directory (without `.` and `..`) with a directory flag; nil if absent.
    static func listDirectory(_ path: String) throws -> [(name: [UInt8], isDirectory: Bool?)]? {
        guard let dir = opendir(path) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw StoreError.io(operation: "opendir", path: path, errno: code)
        }
        defer { closedir(dir) }
        var out: [(name: [UInt8], isDirectory: Bool?)] = []
        while let entry = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let type = entry.pointee.d_type
            let isDir: Bool? = type == UInt8(DT_DIR) ? true : (type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) ? nil : false)
            out.append((name, isDir))
        }
        return out
    }

    /// Removes a file; absent is fine.
    static func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw StoreError.io(operation: "unlink", path: path, errno: errno)
        }
    }

    /// Renames `from` over `to`.
    static func renameFile(_ from: String, _ to: String) throws {
        if rename(from, to) != 0 {
            throw StoreError.io(operation: "rename", path: to, errno: errno)
        }
    }

    /// The directory part of `path` (`"a/b/c"` → `"a/b"`, `"c"` → `""`).
    static func directoryName(_ path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == 0x2F { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: 0x2F) else { return "" }
        if slash == 0 { return "/" }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }

    /// Creates a unique temporary file in `directory` named `prefix` + 6 random
    /// characters, mode 0600; returns descriptor and path.
    static func makeTemporaryFile(in directory: String, prefix: String) throws -> (fd: Int32, path: String) {
        var template = Array(((directory.isEmpty ? "" : directory + "/") + prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return mkstemp(base)
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if fd < 0 {
            throw StoreError.io(operation: "mkstemp", path: path, errno: errno)
        }
        return (fd, path)
    }
}
