import PfadObjects

extension PackedObjectDatabase {
    /// The object `id` from the packs; nil if no pack holds it.
    ///
    /// Follows `OFS_DELTA` and `REF_DELTA` chains (bases from any pack or,
    /// through the fallback, loose objects), using and filling the delta base
    /// cache. Chains deeper than `maxDeltaDepth` (including REF_DELTA cycles)
    /// throw `corruptPack`. The content is not re-hashed (git trusts packs on
    /// read too; `fsck` and `verify-pack` check). O(object size × chain length) at worst.
    /// With `refreshing` false, a miss does not look for new packs.
    public func read(_ id: ObjectID, refreshing: Bool = true) throws -> RawObject? {
        try read(id, depth: 0, refreshing: refreshing)
    }

    func read(_ id: ObjectID, depth: Int, refreshing: Bool = true) throws -> RawObject? {
        guard let (pack, offset) = try locate(id, refreshing: refreshing) else { return nil }
        return try object(pack: pack, offset: offset, depth: depth)
    }

    /// The object stored at `offset` of pack number `pack`.
    public func object(pack: Int, offset: Int) throws -> RawObject {
        try object(pack: pack, offset: offset, depth: 0)
    }

    func object(pack number: Int, offset start: Int, depth: Int) throws -> RawObject {
        let all = try packs()
        guard number < all.count else {
            throw StoreError.corruptPack(path: objectsDirectory + "/pack", offset: nil, detail: "no pack number \(number)")
        }
        let loaded = all[number]
        let pack = loaded.pack
        return try inflaters.with { inflater in
            var chain: [(offset: Int, header: PackEntryHeader)] = []
            var current = start
            var base: RawObject
            while true {
                if !chain.isEmpty, let cached = cache.get(.init(pack: number, offset: current)) {
                    base = cached
                    break
                }
                guard depth + chain.count <= Self.maxDeltaDepth else {
                    throw StoreError.corruptPack(
                        path: pack.file.path, offset: current,
                        detail: "delta chain longer than \(Self.maxDeltaDepth) (cycle?)")
                }
                let header = try pack.entryHeader(at: current)
                switch header.kind {
                case .whole(let type):
                    let (data, _) = try pack.inflate(header, at: current, inflater: inflater)
                    base = RawObject(type: type, content: data)
                case .offsetDelta(let baseOffset):
                    chain.append((current, header))
                    current = baseOffset
                    continue
                case .refDelta(let baseID):
                    chain.append((current, header))
                    if let i = loaded.index.lookup(baseID) {
                        current = try loaded.index.offset(at: i)
                        continue
                    }
                    if let other = try read(baseID, depth: depth + chain.count + Self.crossPackHopCost) ?? fallback?(baseID) {
                        base = other
                    } else {
                        throw StoreError.corruptPack(
                            path: pack.file.path, offset: current, detail: "delta base \(baseID.hex) is missing")
                    }
                }
                if !chain.isEmpty { cache.put(.init(pack: number, offset: current), base) }
                break
            }
            while let (offset, header) = chain.popLast() {
                let (delta, _) = try pack.inflate(header, at: offset, inflater: inflater)
                let content: [UInt8]
                do {
                    content = try Delta.apply(base: base.content, delta: delta)
                } catch StoreError.corruptDelta(let detail) {
                    throw StoreError.corruptPack(path: pack.file.path, offset: offset, detail: "bad delta: \(detail)")
                }
                base = RawObject(type: base.type, content: content)
                if !chain.isEmpty { cache.put(.init(pack: number, offset: offset), base) }
            }
            return base
        }
    }

    /// Type and size of `id` without inflating whole objects: follows the
    /// chain's headers for the type and inflates only the first bytes of the
    /// outermost delta for the size. Nil if no pack holds `id`.
    public func readHeader(_ id: ObjectID, refreshing: Bool = true) throws -> (type: ObjectType, size: Int)? {
        guard let (number, offset) = try locate(id, refreshing: refreshing) else { return nil }
        let all = try packs()
        let pack = all[number].pack
        let header = try pack.entryHeader(at: offset)
        if case .whole(let type) = header.kind { return (type, header.size) }
        let size = try inflaters.with { inflater in try deltaResultSize(pack: pack, header: header, offset: offset, inflater: inflater) }
        guard let type = try baseType(pack: number, offset: offset, depth: 0) else { return nil }
        return (type, size)
    }

    /// The object type at the end of the chain that starts at `offset`.
    /// Types of the delta entries walked are remembered, so walking every
    /// object of a pack costs O(objects), not O(objects × depth).
    func baseType(pack number: Int, offset: Int, depth: Int) throws -> ObjectType? {
        let all = try packs()
        let loaded = all[number]
        var current = offset
        var steps = depth
        var walked: [DeltaBaseCache.Key] = []
        func found(_ type: ObjectType?) -> ObjectType? {
            if let type { rememberTypes(walked, type) }
            return type
        }
        while true {
            guard steps <= Self.maxDeltaDepth else {
                throw StoreError.corruptPack(
                    path: loaded.pack.file.path, offset: current,
                    detail: "delta chain longer than \(Self.maxDeltaDepth) (cycle?)")
            }
            steps += 1
            let key = DeltaBaseCache.Key(pack: number, offset: current)
            if let known = cachedType(key) { return found(known) }
            let header = try loaded.pack.entryHeader(at: current)
            switch header.kind {
            case .whole(let type): return found(type)
            case .offsetDelta(let base):
                walked.append(key)
                current = base
            case .refDelta(let base):
                walked.append(key)
                if let i = loaded.index.lookup(base) {
                    current = try loaded.index.offset(at: i)
                } else if let (otherPack, otherOffset) = try locate(base) {
                    return found(try baseType(pack: otherPack, offset: otherOffset, depth: steps + Self.crossPackHopCost))
                } else {
                    return found(try fallback?(base)?.type)
                }
            }
        }
    }

    /// The result size a delta entry declares (inflates at most a few bytes).
    func deltaResultSize(pack: PackFile, header: PackEntryHeader, offset: Int, inflater: Inflater) throws -> Int {
        inflater.reset()
        // Two varints of at most 10 bytes each.
        var head: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let wanted = min(20, max(header.size, 1))
        do {
            return try withUnsafeMutableBytes(of: &head) { out in
                let (_, produced) = try inflater.step(
                    input: UnsafeRawBufferPointer(rebasing: pack.file.bytes[header.dataOffset..<pack.dataEnd]),
                    output: UnsafeMutableRawBufferPointer(rebasing: out[0..<wanted]),
                    context: "")
                return try Delta.header(UnsafeRawBufferPointer(rebasing: out[0..<produced])).resultSize
            }
        } catch StoreError.corruptDelta(let detail) {
            throw StoreError.corruptPack(path: pack.file.path, offset: offset, detail: "bad delta: \(detail)")
        } catch StoreError.corruptZlib(_, let detail) {
            throw StoreError.corruptPack(path: pack.file.path, offset: offset, detail: "corrupt zlib data: \(detail)")
        }
    }
}
