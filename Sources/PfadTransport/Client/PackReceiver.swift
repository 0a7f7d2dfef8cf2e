import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// Stores a pack received from a server: reads it (bounded), indexes it
/// with `PackIndexer` — which recomputes every object's id from its
/// content and verifies the pack checksum —, completes a thin pack with
/// local bases (`fixThin`), and installs `pack-<hex>.pack` then
/// `pack-<hex>.idx` through `AtomicFile` (temporary file, fsync, rename,
/// directory fsync), so that git never sees an index without its pack.
public struct PackReceiver {
    /// The repository receiving objects.
    public let repository: Repository
    /// The largest pack accepted, in bytes.
    public var maximumBytes = 4 << 30

    /// A receiver for `repository`.
    public init(repository: Repository) {
        self.repository = repository
    }

    /// What arrived.
    public struct Received: Sendable {
        /// Objects in the stored pack (thin bases included).
        public var objectCount: Int
        /// The pack file, nil when the pack was empty.
        public var packPath: String?
    }

    /// Reads the pack from `source` and installs it. An empty stream or a
    /// pack with no objects stores nothing.
    /// - Throws: `StoreError.corruptPack` for damaged packs, I/O errors.
    public func receive(from source: ByteSource) throws -> Received {
        let bytes = try source.readAll(limit: maximumBytes)
        if bytes.isEmpty { return Received(objectCount: 0, packPath: nil) }
        let objects = repository.objects
        let indexed = try bytes.withUnsafeBytes { raw in
            try PackIndexer(algorithm: repository.algorithm, path: "<fetched pack>")
                .index(raw, fixThin: true, externalBase: { try objects.read($0) })
        }
        if indexed.objects.isEmpty { return Received(objectCount: 0, packPath: nil) }
        let directory = repository.gitDirectory + "/objects/pack"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let base = directory + "/pack-\(indexed.checksum.hex)"
        let index = try PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: repository.algorithm)
        if !FileManager.default.fileExists(atPath: base + ".pack") {
            try AtomicFile.write(indexed.fixedPack ?? bytes, to: base + ".pack", mode: 0o444)
        }
        if !FileManager.default.fileExists(atPath: base + ".idx") {
            try AtomicFile.write(index, to: base + ".idx", mode: 0o444)
        }
        _ = try repository.objects.packed.refresh()
        return Received(objectCount: indexed.objects.count, packPath: base + ".pack")
    }
}
