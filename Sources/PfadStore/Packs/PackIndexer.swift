import PfadObjects

/// What indexing learnt about one packed object.
public struct IndexedObject: Sendable, Hashable {
    /// The object's id.
    public var id: ObjectID
    /// The object's real type (the type at the end of its delta chain).
    public var type: ObjectType
    /// Offset of the entry in the pack.
    public var offset: Int
    /// Bytes the entry takes in the pack (header, base reference, compressed data).
    public var storedLength: Int
    /// The entry's declared size: the object size, or for a delta the delta's size (as `verify-pack -v` prints).
    public var entrySize: Int
    /// CRC-32 of the entry's bytes.
    public var crc32: UInt32
    /// Delta chain length (0 for whole objects).
    public var depth: Int
    /// The delta base's id (nil for whole objects).
    public var base: ObjectID?
}

/// The result of indexing a pack.
public struct IndexedPack: Sendable {
    /// Every object in pack order (by offset).
    public var objects: [IndexedObject]
    /// The pack's trailing checksum.
    public var checksum: ObjectID
    /// The pack bytes when `PackIndexer` appended missing bases (`--fix-thin`); nil if unchanged.
    public var fixedPack: [UInt8]?

    /// The index entries for `PackIndexWriter`.
    public var indexEntries: [PackIndexEntry] {
        objects.map { PackIndexEntry(id: $0.id, offset: UInt64($0.offset), crc32: $0.crc32) }
    }
}

/// Builds what `git index-pack` computes for a pack: reads every entry in
/// order, hashes whole objects, resolves delta trees from their bases, and
/// (for thin packs) takes missing REF_DELTA bases from `externalBase` and
/// appends them to the pack.
///
/// Every size is checked against the bytes present before allocation;
/// deltas whose bases never appear (including REF_DELTA cycles) are reported
/// as unresolved, so hostile packs end in an error, never a loop.
/// O(pack size + total inflated size); holds one object per chain level.
public struct PackIndexer {
    /// The hash function.
    public let algorithm: HashAlgorithm
    /// Name used in error messages.
    public let path: String

    /// An indexer for `algorithm`; `path` names the pack in errors.
    public init(algorithm: HashAlgorithm, path: String) {
        self.algorithm = algorithm
        self.path = path
    }

    private struct Entry {
        var offset: Int
        var header: PackEntryHeader
        var end: Int
        var crc32: UInt32
    }

    /// Indexes `bytes` (a whole pack including its trailer).
    /// With `fixThin`, missing REF_DELTA bases found through `externalBase`
    /// are appended (`IndexedPack.fixedPack`); without it they are an error.
    public func index(
        _ bytes: UnsafeRawBufferPointer, fixThin: Bool = false,
        externalBase: ((ObjectID) throws -> RawObject?)? = nil
    ) throws -> IndexedPack {
        let h = algorithm.digestLength
        func fail(_ offset: Int?, _ detail: String) -> StoreError { .corruptPack(path: path, offset: offset, detail: detail) }
        guard bytes.count >= PackHeader.byteCount else { throw fail(nil, "premature end of pack file, \(bytes.count) bytes") }
        let packHeader: PackHeader
        do {
            packHeader = try PackHeader(decoding: bytes)
        } catch {
            throw error.storeError(path: path)
        }
        let count = Int(packHeader.objectCount)
        guard bytes.count >= PackHeader.byteCount + h else { throw fail(nil, "premature end of pack file, \(bytes.count) bytes") }
        let end = bytes.count - h
        // Each entry needs at least 2 bytes of header and a zlib stream of 8.
        guard count <= (end - PackHeader.byteCount) / 10 + 1 else { throw fail(8, "object count \(count) is impossible for \(bytes.count) bytes") }

        let inflater = try Inflater()
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var objects = [IndexedObject?](repeating: nil, count: count)
        var position = PackHeader.byteCount
        for number in 0..<count {
            guard position < end else { throw fail(position, "premature end of pack file: \(count - number) objects missing") }
            let header: PackEntryHeader
            do {
                header = try PackEntryHeader.decode(bytes, at: position, end: end, hashLength: h)
            } catch {
                throw error.storeError(path: path)
            }
            let (data, compressed) = try PackFile.inflate(bytes, header: header, at: position, end: end, inflater: inflater, path: path)
            let entryEnd = header.dataOffset + compressed
            let crc = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[position..<entryEnd]))
            entries.append(Entry(offset: position, header: header, end: entryEnd, crc32: crc))
            if case .whole(let type) = header.kind {
                objects[number] = IndexedObject(
                    id: algorithm.objectID(type: type, content: data), type: type, offset: position,
                    storedLength: entryEnd - position, entrySize: header.size, crc32: crc, depth: 0, base: nil)
            }
            position = entryEnd
        }
        guard position == end else { throw fail(position, "pack has \(end - position) bytes of junk before its checksum") }
        let checksum = ObjectID(uncheckedBytes: Array(bytes[end...]))
        guard algorithm.digest(UnsafeRawBufferPointer(rebasing: bytes[..<end])) == checksum else {
            throw fail(end, "pack checksum mismatch")
        }

        // Children of each base, by offset and by id.
        var byOffset: [Int: Int] = [:]
        for (i, entry) in entries.enumerated() { byOffset[entry.offset] = i }
        var offsetChildren: [Int: [Int]] = [:]
        var refChildren: [ObjectID: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            switch entry.header.kind {
            case .whole: break
            case .offsetDelta(let base):
                guard let b = byOffset[base] else { throw fail(entry.offset, "delta base offset \(base) is not an object") }
                offsetChildren[b, default: []].append(i)
            case .refDelta(let base): refChildren[base, default: []].append(i)
            }
        }

        var resolved = 0
        func resolve(from root: Int, content: [UInt8]) throws {
            var stack: [(parent: Int, content: [UInt8])] = [(root, content)]
            while let (parent, baseContent) = stack.popLast() {
                guard let parentObject = objects[parent] else { continue }
                let children = (offsetChildren[parent] ?? []) + (refChildren[parentObject.id] ?? [])
                refChildren[parentObject.id] = nil
                for child in children where objects[child] == nil {
                    let entry = entries[child]
                    let (delta, _) = try PackFile.inflate(bytes, header: entry.header, at: entry.offset, end: end, inflater: inflater, path: path)
                    let result: [UInt8]
                    do {
                        result = try Delta.apply(base: baseContent, delta: delta)
                    } catch StoreError.corruptDelta(let detail) {
                        throw fail(entry.offset, "bad delta: \(detail)")
                    }
                    objects[child] = IndexedObject(
                        id: algorithm.objectID(type: parentObject.type, content: result), type: parentObject.type,
                        offset: entry.offset, storedLength: entry.end - entry.offset, entrySize: entry.header.size,
                        crc32: entry.crc32, depth: parentObject.depth + 1, base: parentObject.id)
                    resolved += 1
                    stack.append((child, result))
                }
            }
        }
        for i in 0..<count where objects[i]?.depth == 0 {
            guard offsetChildren[i] != nil || (objects[i].map { refChildren[$0.id] != nil } ?? false) else { continue }
            let entry = entries[i]
            let (data, _) = try PackFile.inflate(bytes, header: entry.header, at: entry.offset, end: end, inflater: inflater, path: path)
            try resolve(from: i, content: data)
        }

        // Thin pack: bases outside the pack.
        var appended: [(id: ObjectID, object: RawObject)] = []
        if resolved + objects.count(where: { $0?.depth == 0 }) < count {
            let missing = refChildren.keys.sorted()
            for baseID in missing {
                guard fixThin, let base = try externalBase?(baseID) else { continue }
                appended.append((baseID, base))
            }
        }
        var fixedPack: [UInt8]?
        var finalChecksum = checksum
        if !appended.isEmpty {
            var pack = Array(bytes[..<end])
            guard let newCount = UInt32(exactly: count + appended.count) else {
                throw fail(8, "object count \(count + appended.count) exceeds the pack format's limit")
            }
            let newHeader = PackHeader(objectCount: newCount, version: packHeader.version)
            pack.replaceSubrange(0..<PackHeader.byteCount, with: newHeader.encoded)
            for (baseID, base) in appended {
                let offset = pack.count
                let entryBytes = try PackEntryHeader.encode(.whole(base.type), size: base.content.count, at: offset)
                    + Zlib.deflate(base.content)
                pack += entryBytes
                let index = objects.count
                objects.append(IndexedObject(
                    id: baseID, type: base.type, offset: offset, storedLength: entryBytes.count,
                    entrySize: base.content.count, crc32: CRC32.checksum(entryBytes), depth: 0, base: nil))
                try resolve(from: index, content: base.content)
            }
            finalChecksum = algorithm.digest(pack)
            pack += finalChecksum.bytes
            fixedPack = pack
        }
        let unresolved = objects.count(where: { $0 == nil })
        guard unresolved == 0 else {
            throw fail(nil, "pack has \(unresolved) unresolved delta\(unresolved == 1 ? "" : "s")")
        }
        return IndexedPack(objects: objects.compactMap { $0 }, checksum: finalChecksum, fixedPack: fixedPack)
    }
}
