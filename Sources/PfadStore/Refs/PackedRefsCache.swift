#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// The parsed `packed-refs` file, kept while the file is unchanged: each
/// use costs one `stat` instead of a read and a parse (a command that looks
/// up many refs — decorations, `for-each-ref`-like listings, fetch — read
/// it once). The file is only ever replaced by a rename, so a different
/// device, inode, size or modification time means new content. Shared by
/// the copies of one `RefStore`; thread-safe.
final class PackedRefsCache: @unchecked Sendable {
    private struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private let mutex = PThreadMutex()
    private var stamp: Stamp?
    private var parsed: PackedRefs?

    /// The parsed file at `path`, from the cache when its `stat` data is
    /// unchanged; nil when there is no file. O(1) on a hit, O(size) else.
    func read(path: String, algorithm: HashAlgorithm) throws -> PackedRefs? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            mutex.with { stamp = nil; parsed = nil }
            return nil
        }
        #if canImport(Darwin)
        let time = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #else
        let time = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #endif
        let current = Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                            seconds: time.0, nanoseconds: time.1)
        if let hit = mutex.with({ stamp == current ? parsed : nil }) { return hit }
        guard let bytes = try POSIX.readFile(path) else { return nil }
        let fresh = try PackedRefs.parse(bytes, algorithm: algorithm, path: path)
        // Only trust what was read if the file did not change meanwhile.
        var after = stat()
        if stat(path, &after) == 0, UInt64(after.st_ino) == current.inode, Int64(after.st_size) == current.size {
            mutex.with {
                stamp = current
                parsed = fresh
            }
        }
        return fresh
    }
}
