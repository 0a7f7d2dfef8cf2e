import PfadObjects

/// What a pack already holds for an object, ready to be copied into a new
/// pack without inflating and deflating it again (git's reuse of pack data,
/// `Documentation/technical/pack-heuristics.txt`).
public struct StoredEntry: Sendable {
    /// The delta base when the object is stored as a delta; nil when whole.
    public var base: ObjectID?
    /// The entry's zlib stream exactly as the pack stores it.
    public var compressed: [UInt8]
    /// What the stream inflates to: the object size, or the delta size.
    public var inflatedSize: Int
}

/// Finds the stored form of objects in the repository's packs. The bytes
/// copied are checked against the CRC-32 the (version 2) index records, so
/// damaged pack data is never passed on; such an entry is reported as not
/// reusable.
///
/// Not thread-safe: one instance per pack being generated.
public final class StoredEntries {
    private let database: PackedObjectDatabase
    private var offsetIDs: [Int: [Int: ObjectID]] = [:]
    private var sortedOffsets: [Int: [Int]] = [:]

    /// A lookup over the packs of `database`.
    public init(_ database: PackedObjectDatabase) {
        self.database = database
    }

    /// The stored entry of `id`; nil when it is loose, absent, or its bytes
    /// fail the index's CRC. The first lookup in a pack sorts its offsets
    /// (O(n log n) for n objects in it); later ones cost O(log n) plus a
    /// copy of the entry.
    /// - Throws: `StoreError.corruptPack`/`corruptPackIndex` for damaged headers.
    public func entry(of id: ObjectID) throws -> StoredEntry? {
        let packs = try database.packs()
        for (number, loaded) in packs.enumerated() {
            guard let position = loaded.index.lookup(id) else { continue }
            let offset = try loaded.index.offset(at: position)
            let header = try loaded.pack.entryHeader(at: offset)
            let base: ObjectID?
            switch header.kind {
            case .whole: base = nil
            case .refDelta(let id): base = id
            case .offsetDelta(let baseOffset):
                guard let id = try ids(of: number, loaded)[baseOffset] else { return nil }
                base = id
            }
            let end = try self.end(of: offset, in: number, loaded)
            guard header.dataOffset < end, end <= loaded.pack.dataEnd else { return nil }
            let bytes = loaded.pack.file.bytes
            if let expected = loaded.index.crc32(at: position),
                CRC32.checksum(Array(bytes[offset..<end])) != expected
            {
                return nil
            }
            return StoredEntry(base: base, compressed: Array(bytes[header.dataOffset..<end]), inflatedSize: header.size)
        }
        return nil
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

    /// Where the entry at `offset` ends: the next entry's offset, or the
    /// start of the trailer.
    private func end(of offset: Int, in number: Int, _ loaded: LoadedPack) throws -> Int {
        let offsets: [Int]
        if let known = sortedOffsets[number] {
            offsets = known
        } else {
            offsets = try (0..<loaded.index.count).map { try loaded.index.offset(at: $0) }.sorted()
            sortedOffsets[number] = offsets
        }
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count ? offsets[low] : loaded.pack.dataEnd
    }
}
