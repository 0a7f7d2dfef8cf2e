#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects
import PfadStore

/// A temporary object directory for a push, `objects/incoming-XXXXXX`, as
/// git's receive-pack keeps one (`Documentation/git-receive-pack.txt`,
/// "QUARANTINE ENVIRONMENT"): the received pack and its index live there
/// until every check has passed; only then are they moved into
/// `objects/pack/`. Readers of the repository never see quarantined
/// objects. Removing the quarantine (on any failure, or when the value is
/// released without `migrate()`) leaves `objects/` as it was.
public final class PackQuarantine {
    /// The quarantine directory (`…/objects/incoming-XXXXXX`).
    public let directory: String
    /// The repository's `objects` directory.
    public let objectsDirectory: String
    /// The hash function.
    public let algorithm: HashAlgorithm
    /// The quarantined pack, once received.
    public private(set) var pack: (packPath: String, indexPath: String, indexed: IndexedPack)?
    /// Bytes of the pack as received (before thin-pack completion).
    public private(set) var receivedBytes = 0
    private var finished = false

    /// Creates a fresh quarantine directory under `objectsDirectory`.
    /// - Throws: `TransportError.io` if it cannot be created.
    public init(objectsDirectory: String, algorithm: HashAlgorithm) throws {
        self.objectsDirectory = objectsDirectory
        self.algorithm = algorithm
        var template = Array((objectsDirectory + "/incoming-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw TransportError.io(operation: "creating a quarantine under \(objectsDirectory)", errno: errno) }
        directory = made
        guard mkdir(directory + "/pack", 0o777) == 0 else {
            let code = errno
            rmdir(directory)
            throw TransportError.io(operation: "creating \(directory)/pack", errno: code)
        }
    }

    deinit {
        if !finished { removeFiles() }
    }

    /// An object store over the quarantined pack only.
    public var store: ObjectStore { ObjectStore(objectsDirectory: directory, algorithm: algorithm) }

    /// Receives a pack from `source` into the quarantine, then indexes it
    /// (every object hashed; thin-pack bases appended from `externalBase`).
    /// Files are fsynced before this returns.
    /// - Throws: the limit and format errors of `IncomingPackReader`, and
    ///   `TransportError.corruptPack` for what `PackIndexer` refuses.
    public func receive(
        from source: ByteSource, maximumBytes: Int?, maximumObjects: Int?,
        externalBase: @escaping (ObjectID) throws -> RawObject?, progress: ReceiveProgress? = nil
    ) throws -> IndexedPack {
        let temporary = directory + "/pack/tmp_pack_incoming"
        let fd = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
        guard fd >= 0 else { throw TransportError.io(operation: "open \(temporary)", errno: errno) }
        do {
            defer { close(fd) }
            var reader = IncomingPackReader(algorithm: algorithm, maximumBytes: maximumBytes, maximumObjects: maximumObjects)
            reader.progress = progress
            receivedBytes = try reader.copy(from: source, to: fd, path: temporary).byteCount
        }
        let indexed: IndexedPack
        do {
            guard let mapped = try MappedFile(path: temporary) else { throw TransportError.corruptPack("pack vanished") }
            indexed = try PackIndexer(algorithm: algorithm, path: "incoming pack")
                .index(mapped.bytes, fixThin: true, externalBase: externalBase)
        } catch let error as StoreError {
            throw TransportError.corruptPack(Self.describe(error))
        }
        let installer = PackInstaller(packDirectory: directory + "/pack")
        let installed = try Self.mappingIO {
            let packTemp: String
            if let fixed = indexed.fixedPack {
                packTemp = try installer.stage(fixed, prefix: "tmp_pack_")
                unlink(temporary)
            } else {
                packTemp = temporary
            }
            let index = try PackIndexWriter.write(entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: algorithm)
            let indexTemp: String
            do {
                indexTemp = try installer.stage(index, prefix: "tmp_idx_")
            } catch {
                unlink(packTemp)
                throw error
            }
            return try installer.install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: indexed.checksum)
        }
        pack = (installed.packPath, installed.indexPath, indexed)
        return indexed
    }

    /// Moves the pack and its index into `objects/pack/` through
    /// `PackInstaller` (pack first, index last, as git only uses packs
    /// that have an index; the folder fsynced), and removes the quarantine.
    /// Does nothing but remove the quarantine if no pack was received or
    /// it holds no objects.
    /// - Throws: `TransportError.io` if the files cannot be moved; nothing
    ///   of the pack is left in `objects/pack` then.
    public func migrate() throws {
        defer { finished = true; removeFiles() }
        guard let pack, !pack.indexed.objects.isEmpty else { return }
        let installer = PackInstaller(packDirectory: objectsDirectory + "/pack")
        _ = try Self.mappingIO {
            try installer.install(temporaryPack: pack.packPath, temporaryIndex: pack.indexPath, checksum: pack.indexed.checksum)
        }
    }

    /// Runs `body`, turning the store's I/O errors into the transport's.
    private static func mappingIO<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch StoreError.io(let operation, let path, let code) {
            throw TransportError.io(operation: "\(operation) \(path)", errno: code)
        }
    }

    /// Removes the quarantine and everything in it.
    public func discard() {
        finished = true
        removeFiles()
    }

    private func removeFiles() {
        let packDirectory = directory + "/pack"
        if let handle = opendir(packDirectory) {
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(handle)
            for name in names { unlink(packDirectory + "/" + name) }
        }
        rmdir(packDirectory)
        rmdir(directory)
    }

    /// A store error as one line without the pack path prefix.
    static func describe(_ error: StoreError) -> String {
        if case .corruptPack(_, let offset, let detail) = error {
            return offset.map { "\(detail) (at offset \($0))" } ?? detail
        }
        return error.description
    }
}
