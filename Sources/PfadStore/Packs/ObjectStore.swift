import PfadObjects

/// The repository's object database as git sees it: packs first, then loose
/// objects. Writes go to loose objects (unless a pack already holds the
/// object). Cheap to copy; copies share the pack maps and the delta base cache.
public struct ObjectStore: ObjectDatabase {
    /// The loose objects (where new objects are written).
    public let loose: LooseObjectDatabase
    /// The packs.
    public let packed: PackedObjectDatabase

    /// A store over `objectsDirectory` (`<git-dir>/objects`).
    public init(objectsDirectory: String, algorithm: HashAlgorithm) {
        let loose = LooseObjectDatabase(objectsDirectory: objectsDirectory, algorithm: algorithm)
        self.loose = loose
        self.packed = PackedObjectDatabase(
            objectsDirectory: objectsDirectory, algorithm: algorithm, fallback: { try loose.read($0) })
    }

    /// The hash function.
    public var algorithm: HashAlgorithm { loose.algorithm }

    /// The `objects` directory.
    public var objectsDirectory: String { loose.objectsDirectory }

    /// The object `id` from a pack, else from its loose file; nil if absent.
    /// Only when both miss is the pack folder checked for new packs (as git does).
    public func read(_ id: ObjectID) throws -> RawObject? {
        if let object = try packed.read(id, refreshing: false) { return object }
        if let object = try loose.read(id) { return object }
        return try packed.refresh() ? packed.read(id, refreshing: false) : nil
    }

    /// Type and size of `id`; nil if absent.
    public func readHeader(_ id: ObjectID) throws -> (type: ObjectType, size: Int)? {
        if let header = try packed.readHeader(id, refreshing: false) { return header }
        if let header = try loose.readHeader(id) { return header }
        return try packed.refresh() ? packed.readHeader(id, refreshing: false) : nil
    }

    /// True if a pack or a loose file holds `id`.
    public func contains(_ id: ObjectID) -> Bool {
        packed.contains(id, refreshing: false) || loose.contains(id) || packed.contains(id)
    }

    /// Writes a loose object unless the object already exists.
    public func write(type: ObjectType, content: [UInt8]) throws -> ObjectID {
        let id = algorithm.objectID(type: type, content: content)
        if packed.contains(id) { return id }
        return try loose.write(type: type, content: content)
    }

    /// Every id, packed or loose, sorted, without duplicates.
    public func allObjectIDs() throws -> [ObjectID] {
        let merged = try (packed.allObjectIDs() + loose.allObjectIDs()).sorted()
        var unique: [ObjectID] = []
        unique.reserveCapacity(merged.count)
        for id in merged where unique.last != id { unique.append(id) }
        return unique
    }

    /// Ids starting with `prefix` (4+ hex digits), packed or loose, sorted.
    public func ids(withHexPrefix prefix: String) throws -> [ObjectID] {
        let found = try loose.ids(withHexPrefix: prefix)
        let packedIDs = try packed.ids(withHexPrefix: Array(prefix.lowercased().utf8))
        return Set(found + packedIDs).sorted()
    }
}
