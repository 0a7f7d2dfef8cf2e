#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// Puts a finished pack and its index into a pack folder (normally
/// `objects/pack`) so that a crash at any moment leaves every object
/// readable and no reader ever sees an index without its pack: both
/// temporary files are made read-only and fsynced, the pack is renamed to
/// `pack-<checksum>.pack` first, the folder fsynced, then the index renamed
/// to `pack-<checksum>.idx` and the folder fsynced again (git only opens
/// packs that have an index). The one installer of packs: `index-pack`,
/// the push quarantine, fetch and gc/repack all go through it.
///
/// A pack whose files are both already present is the same pack (its name
/// is the hash of its content): the present pack is kept and the index
/// replaced atomically (its bytes depend only on the pack and the index
/// version). A pack present without its index is a leftover and is
/// replaced. If the index cannot be put in place, the pack this call moved
/// is removed again; the temporary files are removed on every failure.
public struct PackInstaller: Sendable {
    /// The folder packs are installed into (created when missing).
    public let packDirectory: String

    /// An installer into `packDirectory` (such as `<git-dir>/objects/pack`).
    public init(packDirectory: String) {
        self.packDirectory = packDirectory
    }

    /// Where a pack and its index end up.
    public struct Installed: Sendable, Hashable {
        /// `…/pack-<hex>.pack`.
        public var packPath: String
        /// `…/pack-<hex>.idx`.
        public var indexPath: String
        /// True if the pack was already there and kept.
        public var keptExistingPack: Bool
    }

    /// The final pack and index paths for a pack with trailing checksum `checksum`.
    public func paths(for checksum: ObjectID) -> (pack: String, index: String) {
        let base = packDirectory + "/pack-" + checksum.hex
        return (base + ".pack", base + ".idx")
    }

    /// A new empty temporary file in the pack folder (created when
    /// missing), named `prefix` + 6 random characters: where a writer puts
    /// a pack or index before `install`. The caller closes the descriptor.
    /// - Throws: `StoreError.io`.
    public func makeTemporaryFile(prefix: String) throws -> (fd: Int32, path: String) {
        try POSIX.makeDirectories(packDirectory)
        return try POSIX.makeTemporaryFile(in: packDirectory, prefix: prefix)
    }

    /// Writes `bytes` to a new temporary file in the pack folder (see
    /// `makeTemporaryFile`) and returns its path. O(n) I/O.
    /// - Throws: `StoreError.io`; the temporary file is removed then.
    public func stage(_ bytes: [UInt8], prefix: String) throws -> String {
        let (fd, path) = try makeTemporaryFile(prefix: prefix)
        do {
            defer { close(fd) }
            try bytes.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: path) }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }

    /// Writes `bytes` to a new temporary file in the folder of `target`
    /// (see `stage(_:prefix:)`), for installs at explicit paths.
    public static func stage(_ bytes: [UInt8], nextTo target: String, prefix: String) throws -> String {
        try PackInstaller(packDirectory: POSIX.directoryName(target)).stage(bytes, prefix: prefix)
    }

    /// Installs the finished temporary files `temporaryPack` and
    /// `temporaryIndex` (on the same file system as the pack folder) as
    /// the pack named by `checksum`. Two file fsyncs, two renames, two
    /// folder fsyncs.
    /// - Throws: `StoreError.io` for a failed chmod, fsync or rename; the
    ///   temporary files are removed and `objects/pack` holds no pack this
    ///   call moved without its index.
    public func install(temporaryPack: String, temporaryIndex: String, checksum: ObjectID) throws -> Installed {
        let (pack, index) = paths(for: checksum)
        return try Self.install(temporaryPack: temporaryPack, temporaryIndex: temporaryIndex, packPath: pack, indexPath: index)
    }

    /// Installs `temporaryPack` and `temporaryIndex` at explicit paths
    /// (`index-pack --stdin <pack-file>`, `-o <index-file>`), with the
    /// same order, fsyncs and failure rules as `install(temporaryPack:temporaryIndex:checksum:)`.
    /// Each temporary file must be on the file system of its target.
    public static func install(temporaryPack: String, temporaryIndex: String, packPath: String, indexPath: String) throws -> Installed {
        var leftovers = [temporaryPack, temporaryIndex]
        defer { for path in leftovers { unlink(path) } }
        try finish(temporaryPack)
        try finish(temporaryIndex)
        let packDirectory = POSIX.directoryName(packPath)
        let indexDirectory = POSIX.directoryName(indexPath)
        try POSIX.makeDirectories(packDirectory)
        try POSIX.makeDirectories(indexDirectory)

        let keep = POSIX.exists(packPath) && POSIX.exists(indexPath)
        if !keep {
            try POSIX.renameFile(temporaryPack, packPath)
            leftovers.removeFirst()
            POSIX.syncDirectory(packDirectory)
        }
        do {
            try POSIX.renameFile(temporaryIndex, indexPath)
        } catch {
            // Never leave the pack this call moved without its index.
            if !keep {
                unlink(packPath)
                POSIX.syncDirectory(packDirectory)
            }
            throw error
        }
        // A kept pack's temporary copy is still in `leftovers` and goes now.
        leftovers.removeAll { $0 == temporaryIndex }
        POSIX.syncDirectory(indexDirectory)
        return Installed(packPath: packPath, indexPath: indexPath, keptExistingPack: keep)
    }

    /// Makes a finished temporary file read-only (0444, as git) and fsyncs it.
    private static func finish(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(operation: "open", path: path, errno: errno) }
        defer { close(fd) }
        if fchmod(fd, 0o444) != 0 { throw StoreError.io(operation: "chmod", path: path, errno: errno) }
        try POSIX.sync(fd: fd, path: path)
    }
}
