import PfadObjects

/// One object of a pack as an index records it.
public struct PackIndexEntry: Sendable, Hashable {
    /// The object's id.
    public var id: ObjectID
    /// Offset of the object's header in the `.pack` file.
    public var offset: UInt64
    /// CRC-32 of the object's raw bytes in the pack (header, delta base reference and compressed data).
    public var crc32: UInt32

    /// An entry from its parts.
    public init(id: ObjectID, offset: UInt64, crc32: UInt32) {
        self.id = id
        self.offset = offset
        self.crc32 = crc32
    }
}

/// Serialises pack index files (`gitformat-pack`, "pack-*.idx files have the
/// following format"), byte-identical to `git index-pack`.
///
/// Version 2: magic `\377tOc`, version, 256-entry fan-out, sorted ids, CRC-32s,
/// 31-bit offsets (high bit set: index into the following 64-bit offset
/// table), the pack checksum and the checksum of everything before it.
/// Version 1: fan-out, then (4-byte offset, id) pairs, then the two checksums.
public enum PackIndexWriter {
    /// Offsets above this go to the 64-bit table (git's default `off32_limit`).
    public static let offset32Limit: UInt64 = 0x7FFF_FFFF

    /// The `.idx` bytes for `entries` (any order) of the pack whose trailing
    /// checksum is `packChecksum`.
    ///
    /// `version` 1 is honoured only if every offset fits in 32 bits; like git,
    /// version 2 is used otherwise. Offsets above `largeOffsetLimit` go to the
    /// 64-bit table (git's `--index-version=2,<limit>`). Throws
    /// `corruptPackIndex` for duplicate ids or ids of the wrong length.
    /// O(n log n).
    public static func write(
        entries: [PackIndexEntry], packChecksum: ObjectID, algorithm: HashAlgorithm, version: Int = 2,
        largeOffsetLimit: UInt64 = offset32Limit
    ) throws -> [UInt8] {
        let sorted = entries.sorted { $0.id < $1.id }
        for (index, entry) in sorted.enumerated() {
            guard entry.id.bytes.count == algorithm.digestLength else {
                throw StoreError.corruptPackIndex(path: "(new)", detail: "object id \(entry.id.hex) is not a \(algorithm.rawValue) id")
            }
            if index > 0, sorted[index - 1].id == entry.id {
                throw StoreError.corruptPackIndex(path: "(new)", detail: "object \(entry.id.hex) appears twice in the pack")
            }
        }
        guard packChecksum.bytes.count == algorithm.digestLength else {
            throw StoreError.corruptPackIndex(path: "(new)", detail: "pack checksum has the wrong length")
        }
        let useV1 = version == 1 && sorted.allSatisfy { $0.offset <= UInt64(UInt32.max) }
        var out: [UInt8] = []
        out.reserveCapacity(1072 + sorted.count * (algorithm.digestLength + 12) + 2 * algorithm.digestLength)
        if !useV1 {
            out += [0xFF, 0x74, 0x4F, 0x63]
            appendBigEndian(&out, UInt32(2))
        }
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.id.bytes[0])] += 1 }
        var running: UInt32 = 0
        for count in fanout {
            running &+= count
            appendBigEndian(&out, running)
        }
        if useV1 {
            for entry in sorted {
                appendBigEndian(&out, UInt32(truncatingIfNeeded: entry.offset))
                out += entry.id.bytes
            }
        } else {
            for entry in sorted { out += entry.id.bytes }
            for entry in sorted { appendBigEndian(&out, entry.crc32) }
            var large: [UInt64] = []
            for entry in sorted {
                if entry.offset > min(largeOffsetLimit, offset32Limit) {
                    appendBigEndian(&out, UInt32(0x8000_0000) | UInt32(truncatingIfNeeded: large.count))
                    large.append(entry.offset)
                } else {
                    appendBigEndian(&out, UInt32(truncatingIfNeeded: entry.offset))
                }
            }
            for offset in large {
                appendBigEndian(&out, UInt32(truncatingIfNeeded: offset >> 32))
                appendBigEndian(&out, UInt32(truncatingIfNeeded: offset))
            }
        }
        out += packChecksum.bytes
        out += algorithm.digest(out).bytes
        return out
    }

    static func appendBigEndian(_ out: inout [UInt8], _ value: UInt32) {
        out.append(UInt8(truncatingIfNeeded: value >> 24))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }
}
