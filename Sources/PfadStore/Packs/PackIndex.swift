import PfadObjects

/// A read-only pack index (`.idx`, version 1 or 2; `gitformat-pack`),
/// memory-mapped.
///
/// Lookups are a fan-out step and a binary search: O(log n) per id.
public struct PackIndex: Sendable {
    /// The mapped file.
    public let file: MappedFile
    /// The hash function of the ids.
    public let algorithm: HashAlgorithm
    /// 1 or 2.
    public let version: Int
    /// Number of objects.
    public let count: Int
    private let fanoutStart: Int
    private let idsStart: Int
    private let crcStart: Int
    private let offsetsStart: Int
    private let largeStart: Int
    private let largeCount: Int

    /// Opens and validates `path`: magic, version, monotonic fan-out, and a
    /// file length that matches the object count. Nil if absent.
    /// Throws `corruptPackIndex` otherwise. O(1) (the checksum is checked by
    /// `verifyChecksum`).
    public init?(path: String, algorithm: HashAlgorithm) throws {
        guard let file = try MappedFile(path: path) else { return nil }
        try self.init(file: file, algorithm: algorithm)
    }

    /// Validates an already mapped index file.
    public init(file: MappedFile, algorithm: HashAlgorithm) throws {
        self.file = file
        self.algorithm = algorithm
        let h = algorithm.digestLength
        let size = file.count
        func fail(_ detail: String) -> StoreError { .corruptPackIndex(path: file.path, detail: detail) }
        if size >= 8, file.bytes[0] == 0xFF, file.bytes[1] == 0x74, file.bytes[2] == 0x4F, file.bytes[3] == 0x63 {
            let v = file.uint32(at: 4)
            guard v == 2 else { throw fail("version \(v) unsupported") }
            version = 2
            fanoutStart = 8
        } else {
            version = 1
            fanoutStart = 0
        }
        guard size >= fanoutStart + 1024 + 2 * h else { throw fail("file too small (\(size) bytes)") }
        var previous: UInt32 = 0
        for i in 0..<256 {
            let n = file.uint32(at: fanoutStart + 4 * i)
            guard n >= previous else { throw fail("non-monotonic fan-out table at entry \(i)") }
            previous = n
        }
        count = Int(previous)
        idsStart = fanoutStart + 1024
        if version == 1 {
            guard size == idsStart + count * (h + 4) + 2 * h else { throw fail("wrong size \(size) for \(count) objects") }
            crcStart = 0
            offsetsStart = idsStart
            largeStart = 0
            largeCount = 0
        } else {
            crcStart = idsStart + count * h
            offsetsStart = crcStart + 4 * count
            largeStart = offsetsStart + 4 * count
            let minimum = largeStart + 2 * h
            guard size >= minimum, (size - minimum) % 8 == 0 else { throw fail("wrong size \(size) for \(count) objects") }
            largeCount = (size - minimum) / 8
            guard largeCount <= count else { throw fail("too many 64-bit offsets") }
        }
    }

    /// The pack's checksum as recorded in the index (the pack's last bytes).
    public var packChecksum: ObjectID {
        let h = algorithm.digestLength
        return ObjectID(uncheckedBytes: Array(file.bytes[(file.count - 2 * h)..<(file.count - h)]))
    }

    /// The index file's own trailing checksum.
    public var indexChecksum: ObjectID {
        ObjectID(uncheckedBytes: Array(file.bytes[(file.count - algorithm.digestLength)...]))
    }

    /// True if the trailing checksum matches the content. O(size).
    public func verifyChecksum() -> Bool {
        let body = UnsafeRawBufferPointer(rebasing: file.bytes[..<(file.count - algorithm.digestLength)])
        return algorithm.digest(body) == indexChecksum
    }

    private func idPosition(_ index: Int) -> Int {
        version == 1 ? idsStart + index * (algorithm.digestLength + 4) + 4 : idsStart + index * algorithm.digestLength
    }

    /// The id of entry `index` (0..<count, in id order).
    public func id(at index: Int) -> ObjectID {
        let p = idPosition(index)
        return ObjectID(uncheckedBytes: Array(file.bytes[p..<(p + algorithm.digestLength)]))
    }

    /// The pack offset of entry `index`; throws if a 64-bit offset index is out of range.
    public func offset(at index: Int) throws -> Int {
        if version == 1 { return Int(file.uint32(at: idsStart + index * (algorithm.digestLength + 4))) }
        let small = file.uint32(at: offsetsStart + 4 * index)
        if small & 0x8000_0000 == 0 { return Int(small) }
        let slot = Int(small & 0x7FFF_FFFF)
        guard slot < largeCount else {
            throw StoreError.corruptPackIndex(path: file.path, detail: "64-bit offset index \(slot) out of range")
        }
        let high = UInt64(file.uint32(at: largeStart + 8 * slot))
        let value = high << 32 | UInt64(file.uint32(at: largeStart + 8 * slot + 4))
        guard value <= UInt64(Int.max) else {
            throw StoreError.corruptPackIndex(path: file.path, detail: "offset \(value) out of range")
        }
        return Int(value)
    }

    /// The CRC-32 of entry `index` (nil for version 1, which has none).
    public func crc32(at index: Int) -> UInt32? {
        version == 1 ? nil : file.uint32(at: crcStart + 4 * index)
    }

    /// Compares the id at `index` with `key` (bytes), like memcmp.
    private func compare(_ index: Int, _ key: UnsafeRawBufferPointer, length: Int) -> Int {
        let p = idPosition(index)
        for i in 0..<length {
            let a = file.bytes[p + i]
            let b = key[i]
            if a != b { return a < b ? -1 : 1 }
        }
        return 0
    }

    private func bucket(_ first: UInt8) -> Range<Int> {
        let end = Int(file.uint32(at: fanoutStart + 4 * Int(first)))
        let start = first == 0 ? 0 : Int(file.uint32(at: fanoutStart + 4 * (Int(first) - 1)))
        return start..<end
    }

    /// The entry index of `id`, or nil. O(log n).
    public func lookup(_ id: ObjectID) -> Int? {
        guard id.bytes.count == algorithm.digestLength else { return nil }
        return id.bytes.withUnsafeBytes { key -> Int? in
            var range = bucket(key[0])
            while !range.isEmpty {
                let middle = range.lowerBound + range.count / 2
                let c = compare(middle, key, length: key.count)
                if c == 0 { return middle }
                if c < 0 { range = (middle + 1)..<range.upperBound } else { range = range.lowerBound..<middle }
            }
            return nil
        }
    }

    /// Ids whose hex starts with `hexPrefix` (lower-case, validated by the caller), in order.
    /// O(log n + matches).
    public func ids(withHexPrefix hexPrefix: [UInt8]) -> [ObjectID] {
        guard !hexPrefix.isEmpty else { return [] }
        // Binary prefix: whole bytes, then an optional high nibble.
        var whole: [UInt8] = []
        var i = 0
        while i + 1 < hexPrefix.count {
            guard let h = Hex.value(of: hexPrefix[i]), let l = Hex.value(of: hexPrefix[i + 1]) else { return [] }
            whole.append(h << 4 | l)
            i += 2
        }
        let nibble: UInt8? = i < hexPrefix.count ? Hex.value(of: hexPrefix[i]) : nil
        if i < hexPrefix.count && nibble == nil { return [] }
        var low = whole + [nibble.map { $0 << 4 } ?? 0]
        if nibble == nil { low.removeLast() }
        let firstByte = whole.first ?? (nibble.map { $0 << 4 } ?? 0)
        let firstRange: Range<Int>
        if whole.isEmpty, let nibble {
            let start = bucket(nibble << 4).lowerBound
            let end = bucket(nibble << 4 | 0x0F).upperBound
            firstRange = start..<end
        } else {
            firstRange = bucket(firstByte)
        }
        // Lower bound of ids >= low.
        var range = firstRange
        low.withUnsafeBytes { key in
            while !range.isEmpty {
                let middle = range.lowerBound + range.count / 2
                if compare(middle, key, length: key.count) < 0 {
                    range = (middle + 1)..<range.upperBound
                } else {
                    range = range.lowerBound..<middle
                }
            }
        }
        var out: [ObjectID] = []
        var index = range.lowerBound
        while index < firstRange.upperBound {
            let candidate = id(at: index)
            guard candidate.hexBytes.starts(with: hexPrefix) else { break }
            out.append(candidate)
            index += 1
        }
        return out
    }
}
