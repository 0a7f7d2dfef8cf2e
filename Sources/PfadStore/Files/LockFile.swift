#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// git's lock-file protocol for one file: `path.lock` is created
/// exclusively, the new content is written into it, and `commit()` renames
/// it over `path`.
///
/// A `~Copyable` value, so a lock is finished exactly once: `commit()` and
/// `rollback()` consume it; a lock dropped without either is removed. Several
/// locks held together (a ref transaction) live in a `LockSet`; both wrap the
/// same `LockHandle`.
public struct LockFile: ~Copyable {
    private let handle: LockHandle
    private var finished = false

    /// The file the lock protects.
    public var path: String { handle.path }
    /// `path + ".lock"`.
    public var lockPath: String { handle.lockPath }

    private init(handle: LockHandle) {
        self.handle = handle
    }

    /// Takes the lock for `path` by creating `path.lock` with `O_CREAT|O_EXCL`.
    ///
    /// Throws `StoreError.lockHeld` ("Unable to create '….lock': File
    /// exists.") if another writer holds it. With `createDirectories`, missing
    /// parent directories are created first.
    public static func acquire(for path: String, mode: mode_t = 0o666, createDirectories: Bool = false) throws -> LockFile {
        LockFile(handle: try LockHandle.acquire(for: path, mode: mode, createDirectories: createDirectories))
    }

    /// Appends `bytes` to the lock file. O(n) I/O.
    public func write(_ bytes: [UInt8]) throws {
        try handle.write(bytes)
    }

    /// fsyncs the lock file and renames it over `path` (then fsyncs the directory).
    public consuming func commit(syncDirectory: Bool = true) throws {
        try handle.commit(syncDirectory: syncDirectory)
        finished = true
    }

    /// Releases the lock without touching `path` (removes `path.lock`).
    public consuming func rollback() {
        // deinit removes the lock file.
    }

    deinit {
        if !finished { handle.release() }
    }
}
