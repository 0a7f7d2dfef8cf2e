#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// The `objects/xx/yyyy…` store: one zlib-compressed `"<type> <size>\0" +
/// content` file per object, named by the hex id (first two digits as the
/// directory).
///
/// Safe to share between threads; zlib streams are pooled per call.
public struct LooseObjectDatabase: ObjectDatabase {
    /// The `objects` directory.
    public let objectsDirectory: String
    /// The hash function naming the objects.
    public let algorithm: HashAlgorithm
    /// If true, each new object file is fsynced before it is linked into
    /// place. git's default (`core.fsync` without `loose-object`) does not;
    /// turning this off roughly matches git's speed on real disks.
    public var syncObjects: Bool
    /// zlib level for new objects (git's `core.looseCompression`; git's
    /// default is 1, best speed, which also makes our files byte-identical).
    public let compressionLevel: Int32

    let deflaters: ResourcePool<Deflater>
    let inflaters: ResourcePool<Inflater>

    /// A store rooted at `objectsDirectory` (usually `<git-dir>/objects`).
    /// Nothing is touched on disk until the first write.
    public init(objectsDirectory: String, algorithm: HashAlgorithm, syncObjects: Bool = true, compressionLevel: Int32 = 1) {
        self.objectsDirectory = objectsDirectory
        self.algorithm = algorithm
        self.syncObjects = syncObjects
        self.compressionLevel = compressionLevel
        let level = compressionLevel
        deflaters = ResourcePool { try Deflater(level: level) }
        inflaters = ResourcePool { try Inflater() }
    }

    /// The file that holds (or would hold) `id`.
    public func path(for id: ObjectID) -> String {
        let hex = id.hex
        let split = hex.index(hex.startIndex, offsetBy: 2)
        return objectsDirectory + "/" + hex[..<split] + "/" + hex[split...]
    }

    /// True if the object file exists (one `access` call, no verification).
    public func contains(_ id: ObjectID) -> Bool {
        POSIX.exists(path(for: id))
    }

    /// Every loose object id, sorted. Lists each `xx/` directory once; files
    /// that are not hex ids of the right length (temporaries) are skipped.
    public func allObjectIDs() throws -> [ObjectID] {
        var ids: [ObjectID] = []
        for fanout in try fanoutDirectories() {
            ids += try objects(in: fanout, matching: [])
        }
        return ids.sorted()
    }

    /// Ids starting with `prefix` (4 to full-length hex digits, any case), sorted.
    /// Reads only the one `xx/` directory the prefix selects.
    public func ids(withHexPrefix prefix: String) throws -> [ObjectID] {
        let lower = Array(prefix.lowercased().utf8)
        guard lower.count >= 4, lower.count <= algorithm.hexLength, lower.allSatisfy({ Hex.value(of: $0) != nil }) else {
            throw StoreError.invalidHexPrefix(prefix)
        }
        let found = try objects(in: Array(lower[0..<2]), matching: Array(lower[2...]))
        return found.sorted()
    }

    private func fanoutDirectories() throws -> [[UInt8]] {
        guard let entries = try POSIX.listDirectory(objectsDirectory) else { return [] }
        return entries.map(\.name).filter { $0.count == 2 && $0.allSatisfy { Hex.value(of: $0) != nil } }
    }

    private func objects(in fanout: [UInt8], matching rest: [UInt8]) throws -> [ObjectID] {
        let directory = objectsDirectory + "/" + String(decoding: fanout, as: UTF8.self)
        guard let entries = try POSIX.listDirectory(directory) else { return [] }
        var ids: [ObjectID] = []
        for entry in entries where entry.name.count == algorithm.hexLength - 2 && entry.name.starts(with: rest) {
            if let id = ObjectID(hexBytes: fanout + entry.name) { ids.append(id) }
        }
        return ids
    }
}
