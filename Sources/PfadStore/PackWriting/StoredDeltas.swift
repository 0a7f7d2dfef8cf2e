import PfadObjects

/// Finds deltas the repository's packs already hold, so that a pack being
/// generated can send them as they are instead of searching again (git's
/// delta reuse, `Documentation/technical/pack-heuristics.txt`).
///
/// Not thread-safe: one instance per pack being generated.
public final class StoredDeltas {
    private let database: PackedObjectDatabase
    private let inflater: Inflater
    private var offsetIDs: [Int: [Int: ObjectID]] = [:]

    /// A lookup over the packs of `database`.
    /// - Throws: `StoreError.corruptZlib` if zlib cannot start.
    public init(_ database: PackedObjectDatabase) throws {
        self.database = database
        self.inflater = try Inflater()
    }

    /// The base and the delta instructions of `id` when a pack stores it as
    /// an offset or reference delta; nil when it is stored whole, loose or
    /// not at all. Inflates only the delta (its declared size, bounded by
    /// the pack). The first lookup in a pack maps its offsets to ids
    /// (O(objects in the pack)).
    /// - Throws: `StoreError.corruptPack` for damaged entries.
    public func delta(of id: ObjectID) throws -> (base: ObjectID, delta: [UInt8])? {
        guard let (number, offset) = try database.locate(id, refreshing: false) else { return nil }
        let packs = try database.packs()
        guard number < packs.count else { return nil }
        let loaded = packs[number]
        let header = try loaded.pack.entryHeader(at: offset)
        let base: ObjectID
        switch header.kind {
        case .whole:
            return nil
        case .refDelta(let id):
            base = id
        case .offsetDelta(let baseOffset):
            guard let id = try ids(of: number, loaded)[baseOffset] else { return nil }
            base = id
        }
        let (data, _) = try loaded.pack.inflate(header, at: offset, inflater: inflater)
        return (base, data)
    }

    /// Offset → id of pack `number`, built on first use.
    private func ids(of number: Int, _ loaded: LoadedPack) throws -> [Int: ObjectID] {
        if let map = offsetIDs[number] { return map }
        var map: [Int: ObjectID] = [:]
        map.reserveCapacity(loaded.index.count)
        for i in 0..<loaded.index.count { map[try loaded.index.offset(at: i)] = loaded.index.id(at: i) }
        offsetIDs[number] = map
        return map
    }
}
