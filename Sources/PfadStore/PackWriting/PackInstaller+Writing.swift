#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

extension PackInstaller {
    /// A pack written and installed by `write(_:order:writer:)`.
    public struct WrittenPack: Sendable {
        /// `…/pack-<hex>.pack`.
        public var packPath: String
        /// `…/pack-<hex>.idx`.
        public var indexPath: String
        /// What the writer reported (checksum, offsets, size).
        public var pack: PackWriter.Result
        /// Size of the index file in bytes.
        public var indexByteCount: Int
    }

    /// Writes `entries` (see `PackWriter.write`) as a pack plus version-2
    /// index into temporary files in the pack folder, then installs them
    /// (see `install`). A pack with the same checksum already present is
    /// kept. O(pack size) I/O.
    /// - Throws: `StoreError.io` for any failed write, fsync or rename; the
    ///   temporary files are removed then.
    public func write(_ entries: [PackEntry], order: [Int], writer: PackWriter) throws -> WrittenPack {
        let (packFD, packTemp) = try makeTemporaryFile(prefix: "tmp_pack_")
        let result: PackWriter.Result
        do {
            defer { close(packFD) }
            result = try writer.write(entries, order: order, to: packFD, path: packTemp)
        } catch {
            unlink(packTemp)
            throw error
        }
        let indexTemp: String
        let index: [UInt8]
        do {
            index = try PackIndexWriter.write(entries: result.objects, packChecksum: result.checksum, algorithm: writer.algorithm)
            indexTemp = try stage(index, prefix: "tmp_idx_")
        } catch {
            unlink(packTemp)
            throw error
        }
        let installed = try install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: result.checksum)
        return WrittenPack(packPath: installed.packPath, indexPath: installed.indexPath, pack: result, indexByteCount: index.count)
    }
}
