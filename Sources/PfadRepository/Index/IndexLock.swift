#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `<path>.lock` file for replacing the index atomically, as git
/// does: create the lock with `O_EXCL` (failing if another writer holds it),
/// write, `fsync`, then `rename` over the target.
///
/// Acquire the lock before reading the index for a read-modify-write, so that
/// concurrent writers cannot lose each other's updates. An abandoned lock
/// (never committed) is removed when the object is released.
public final class IndexLock {
    /// The file being replaced.
    public let targetPath: String
    /// `targetPath + ".lock"`.
    public let lockPath: String
    private var descriptor: Int32
    private var finished = false

    private init(targetPath: String, lockPath: String, descriptor: Int32) {
        self.targetPath = targetPath
        self.lockPath = lockPath
        self.descriptor = descriptor
    }

    /// Creates `path.lock` exclusively. Throws `IndexError.locked` if it exists. One `open` call.
    public static func acquire(path: String) throws -> IndexLock {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw IndexError.locked(path: path) }
            throw IndexError.io(path: lockPath, operation: "open", errno: code)
        }
        return IndexLock(targetPath: path, lockPath: lockPath, descriptor: fd)
    }

    /// Writes `bytes` to the lock file, syncs it and renames it over the target.
    /// On failure the lock file is removed and the target left untouched.
    public func commit(_ bytes: [UInt8]) throws {
        guard !finished else { throw IndexError.io(path: lockPath, operation: "commit of a finished lock", errno: EINVAL) }
        do {
            try writeAll(bytes)
            guard fsync(descriptor) == 0 else { throw IndexError.io(path: lockPath, operation: "fsync", errno: errno) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw IndexError.io(path: lockPath, operation: "close", errno: errno) }
            guard rename(lockPath, targetPath) == 0 else {
                throw IndexError.io(path: targetPath, operation: "rename", errno: errno)
            }
            finished = true
        } catch {
            rollback()
            throw error
        }
    }

    /// Removes the lock file without touching the target. Safe to call twice.
    public func rollback() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(lockPath)
    }

    deinit {
        rollback()
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw IndexError.io(path: lockPath, operation: "write", errno: errno)
            }
            written += n
        }
    }
}
