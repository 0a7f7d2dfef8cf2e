#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe whole-file replacement.
public enum AtomicFile {
    /// Writes `bytes` to `path` so that readers see either the old or the new
    /// file, never a partial one: a temporary file in the same directory is
    /// written, fsynced, given `mode`, renamed over `path`, and the directory
    /// is fsynced. Two fsyncs; O(n) I/O.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let directory = POSIX.directoryName(path)
        let (fd, temporary) = try POSIX.makeTemporaryFile(in: directory, prefix: ".tmp-")
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try bytes.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: temporary) }
            if fchmod(fd, mode) != 0 { throw StoreError.io(operation: "chmod", path: temporary, errno: errno) }
            try POSIX.sync(fd: fd, path: temporary)
        }
        try POSIX.renameFile(temporary, path)
        renamed = true
        POSIX.syncDirectory(directory)
    }
}
