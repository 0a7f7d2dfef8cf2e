import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// Stores a pack received from a server. The pack streams to disk through
/// the same `PackQuarantine` a push uses (bounded memory: one buffer, the
/// pack itself is memory-mapped for indexing), is indexed with
/// `PackIndexer` — which recomputes every object's id from its content and
/// verifies the pack checksum —, completed with local bases when thin
/// (`fixThin`), and moved into `objects/pack/` pack first, index last
/// (fsynced), so that git never sees an index without its pack and a broken
/// transfer leaves nothing behind.
public struct PackReceiver {
    /// The repository receiving objects.
    public let repository: Repository
    /// The largest pack accepted, in bytes.
    public var maximumBytes = 4 << 30
    /// Told after every object read (git's "Receiving objects" line).
    public var progress: ReceiveProgress?

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
    /// - Throws: `TransportError.corruptPack` for damaged packs,
    ///   `.packTooLarge` past `maximumBytes`, I/O errors.
    public func receive(from source: ByteSource) throws -> Received {
        var first = [UInt8](repeating: 0, count: 64 * 1024)
        let count = try first.withUnsafeMutableBytes { try source.read(into: $0) }
        if count == 0 { return Received(objectCount: 0, packPath: nil) }
        first.removeSubrange(count...)
        let quarantine = try PackQuarantine(objectsDirectory: repository.objects.objectsDirectory, algorithm: repository.algorithm)
        defer { quarantine.discard() }
        let objects = repository.objects
        let indexed = try quarantine.receive(
            from: PrefixedSource(first, then: source), maximumBytes: maximumBytes, maximumObjects: nil,
            externalBase: { try objects.read($0) }, progress: progress)
        if indexed.objects.isEmpty { return Received(objectCount: 0, packPath: nil) }
        try quarantine.migrate()
        _ = try repository.objects.packed.refresh()
        let path = repository.objects.objectsDirectory + "/pack/pack-\(indexed.checksum.hex).pack"
        return Received(objectCount: indexed.objects.count, packPath: path)
    }
}

/// Bytes already read, then the rest of a source.
private final class PrefixedSource: ByteSource {
    private let prefix: BufferSource
    private let rest: ByteSource
    private var prefixDone = false

    init(_ prefix: [UInt8], then rest: ByteSource) {
        self.prefix = BufferSource(prefix)
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !prefixDone {
            let n = try prefix.read(into: buffer)
            if n > 0 { return n }
            prefixDone = true
        }
        return try rest.read(into: buffer)
    }
}
