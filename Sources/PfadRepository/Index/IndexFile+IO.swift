#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects
import PfadStore

extension IndexFile {
    /// Reads and parses the index at `path`; an absent file gives an empty
    /// version-2 index. Sets `timestamp` to the file's mtime (for racy-git
    /// checks). Reads the whole file; O(n). With `verifyChecksum` false the
    /// trailing hash is not recomputed — git's own reads skip it too (only
    /// `git fsck` verifies it); the structure is still checked entry by entry.
    public static func read(path: String, algorithm: HashAlgorithm, verifyChecksum: Bool = true) throws -> IndexFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return IndexFile() }
            throw IndexError.io(path: path, operation: "open", errno: code)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndexError.io(path: path, operation: "fstat", errno: errno) }
        let stat = StatData(st)
        var index: IndexFile
        if let mapped = map(fd: fd, size: stat.size) {
            // Mapped like git maps it: the file is never rewritten in place
            // (writers rename a new file over it), and no copy is needed.
            defer { munmap(mapped.baseAddress, mapped.count) }
            index = try parse(
                raw: UnsafeRawBufferPointer(mapped), algorithm: algorithm, file: path, verifyChecksum: verifyChecksum)
        } else {
            let bytes = try readAll(fd: fd, expected: Int(clamping: stat.size), path: path)
            index = try bytes.withUnsafeBytes {
                try parse(raw: $0, algorithm: algorithm, file: path, verifyChecksum: verifyChecksum)
            }
        }
        index.timestamp = stat.mtime
        return index
    }

    /// A read-only private mapping of the first `size` bytes of `fd`; nil for
    /// an empty file or when `mmap` fails (the caller then reads instead).
    private static func map(fd: Int32, size: Int64) -> UnsafeMutableRawBufferPointer? {
        guard size > 0, let count = Int(exactly: size) else { return nil }
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return UnsafeMutableRawBufferPointer(start: base, count: count)
    }

    /// Writes the index to `path` through `path.lock` (exclusive create, fsync,
    /// rename; PfadStore's `LockFile`). Throws `StoreError.lockHeld` if another
    /// writer holds the lock. For read-modify-write, hold a `LockFile` across
    /// the read and write `serialized(algorithm:)` through it.
    public func write(to path: String, algorithm: HashAlgorithm) throws {
        let bytes = try serialized(algorithm: algorithm)
        let lock = try LockFile.acquire(for: path)
        try lock.write(bytes)
        try lock.commit()
    }

    private static func readAll(fd: Int32, expected: Int, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0))
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(4096, bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(fd, base + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw IndexError.io(path: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}

/// `read(2)`, named apart from `IndexFile.read(path:algorithm:)`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
