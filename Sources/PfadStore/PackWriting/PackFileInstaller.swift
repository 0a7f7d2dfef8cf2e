#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// Puts a new pack into `objects/pack` so that a crash at any moment leaves
/// every object readable: the pack and its index are written to temporary
/// files and fsynced, then renamed to `pack-<checksum>.pack` and — last —
/// `pack-<checksum>.idx` (git only looks at packs that have an index), and
/// the folder is fsynced.
public enum PackFileInstaller {
    /// The installed files.
    public struct Installed: Sendable {
        /// `…/pack-<hex>.pack`.
        public var packPath: String
        /// `…/pack-<hex>.idx`.
        public var indexPath: String
        /// What the writer reported (checksum, offsets, size).
        public var pack: PackWriter.Result
        /// Size of the index file in bytes.
        public var indexByteCount: Int
    }

    /// Writes `entries` (see `PackWriter.write`) as a pack plus index into
    /// `packDirectory` (created if missing). If a pack with the same checksum
    /// already exists it is left as it is (same name = same content).
    /// - Throws: `StoreError.io` for any failed write, fsync or rename; the
    ///   temporary files are removed then.
    public static func install(_ entries: [PackEntry], order: [Int], writer: PackWriter, packDirectory: String) throws -> Installed {
        try POSIX.makeDirectories(packDirectory)
        let (packFD, packTemp) = try POSIX.makeTemporaryFile(in: packDirectory, prefix: "tmp_pack_")
        var cleanup = [packTemp]
        defer { for path in cleanup { unlink(path) } }
        let result: PackWriter.Result
        do {
            defer { close(packFD) }
            result = try writer.write(entries, order: order, to: packFD, path: packTemp)
            if fchmod(packFD, 0o444) != 0 { throw StoreError.io(operation: "chmod", path: packTemp, errno: errno) }
            try POSIX.sync(fd: packFD, path: packTemp)
        }
        let index = try PackIndexWriter.write(entries: result.objects, packChecksum: result.checksum, algorithm: writer.algorithm)
        let (indexFD, indexTemp) = try POSIX.makeTemporaryFile(in: packDirectory, prefix: "tmp_idx_")
        cleanup.append(indexTemp)
        do {
            defer { close(indexFD) }
            try index.withUnsafeBytes { try POSIX.writeAll(fd: indexFD, $0, path: indexTemp) }
            if fchmod(indexFD, 0o444) != 0 { throw StoreError.io(operation: "chmod", path: indexTemp, errno: errno) }
            try POSIX.sync(fd: indexFD, path: indexTemp)
        }
        let base = packDirectory + "/pack-" + result.checksum.hex
        try POSIX.renameFile(packTemp, base + ".pack")
        POSIX.syncDirectory(packDirectory)
        try POSIX.renameFile(indexTemp, base + ".idx")
        POSIX.syncDirectory(packDirectory)
        cleanup.removeAll()
        return Installed(packPath: base + ".pack", indexPath: base + ".idx", pack: result, indexByteCount: index.count)
    }
}
