#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one implementation of git's lock-file protocol: `path.lock` is created
/// exclusively, the new content is written into it, and `commit` renames it
/// over `path`; `release` removes it instead.
///
/// A plain copyable value holding a descriptor, so it can sit in an array;
/// it is only ever owned by a `~Copyable` container that finishes it exactly
/// once: `LockFile` (one lock) or `LockSet` (many, for ref transactions).
struct LockHandle {
    /// The file the lock protects.
    let path: String
    /// `path + ".lock"`.
    let lockPath: String
    private let fd: Int32

    /// Takes the lock for `path` by creating `path.lock` with `O_CREAT|O_EXCL`.
    ///
    /// Throws `StoreError.lockHeld` ("Unable to create '….lock': File
    /// exists.") if another writer holds it. With `createDirectories`, missing
    /// parent directories are created first.
    static func acquire(for path: String, mode: mode_t = 0o666, createDirectories: Bool = false) throws -> LockHandle {
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
        return LockHandle(path: path, lockPath: lockPath, fd: fd)
    }

    /// Appends `bytes` to the lock file. O(n) I/O.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: lockPath) }
    }

    /// fsyncs the lock file, closes it and renames it over `path` (then
    /// fsyncs the directory). On failure the lock file is still there and
    /// must be released.
    func commit(syncDirectory: Bool = true) throws {
        try POSIX.sync(fd: fd, path: lockPath)
        try POSIX.renameFile(lockPath, path)
        close(fd)
        if syncDirectory { POSIX.syncDirectory(POSIX.directoryName(path)) }
    }

    /// Closes and removes the lock file without touching `path`.
    func release() {
        close(fd)
        unlink(lockPath)
    }
}
