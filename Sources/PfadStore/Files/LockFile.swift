#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// git's lock-file protocol: `path.lock` is created exclusively, the new
/// content is written into it, and `commit()` renames it over `path`.
///
/// A `~Copyable` value, so a lock is finished exactly once: `commit()` and
/// `rollback()` consume it; a lock dropped without either is removed.
public struct LockFile: ~Copyable {
    /// The file the lock protects.
    public let path: String
    /// `path + ".lock"`.
    public let lockPath: String
    private let fd: Int32
    private var finished = false

    private init(path: String, lockPath: String, fd: Int32) {
        self.path = path
        self.lockPath = lockPath
        self.fd = fd
    }

    /// Takes the lock for `path` by creating `path.lock` with `O_CREAT|O_EXCL`.
    ///
    /// Throws `StoreError.lockHeld` ("Unable to create '….lock': File
    /// exists.") if another writer holds it. With `createDirectories`, missing
    /// parent directories are created first.
    public static func acquire(for path: String, mode: mode_t = 0o666, createDirectories: Bool = false) throws -> LockFile {
        let lockPath = path + ".lock"
        if createDirectories {
            try POSIX.makeDirectories(POSIX.directoryName(path))
        }
        let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 {
            let code = errno
            if code == EEXIST { throw StoreError.lockHeld(lockPath: lockPath) }
            throw StoreError.io(operation: "open", path: lockPath, errno: code)
        }
        return LockFile(path: path, lockPath: lockPath, fd: fd)
    }

    /// Appends `bytes` to the lock file. O(n) I/O.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: lockPath) }
    }

    /// fsyncs the lock file and renames it over `path` (then fsyncs the directory).
    public consuming func commit(syncDirectory: Bool = true) throws {
        try POSIX.sync(fd: fd, path: lockPath)
        try POSIX.renameFile(lockPath, path)
        finished = true
        if syncDirectory { POSIX.syncDirectory(POSIX.directoryName(path)) }
    }

    /// Releases the lock without touching `path` (removes `path.lock`).
    public consuming func rollback() {
        // deinit removes the lock file.
    }

    deinit {
        close(fd)
        if !finished { unlink(lockPath) }
    }
}
