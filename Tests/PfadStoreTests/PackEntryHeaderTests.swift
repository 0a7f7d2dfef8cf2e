import PfadObjects
import Testing

@testable import PfadStore

/// Entry headers of `Documentation/gitformat-pack.txt`, with every expected
/// byte worked out by hand from the format description (never produced by
/// the encoder under test): the first byte holds a continuation bit, the
/// type code in bits 4–6 and the low 4 bits of the size; each further byte
/// holds 7 more size bits, least significant first. An `OFS_DELTA` distance
/// is big-endian 7-bit groups where every continuation adds one.
@Suite struct PackEntryHeaderTests {
    /// Decodes `header` placed at `offset` in an otherwise zeroed buffer.
    private func decode(_ header: [UInt8], at offset: Int = 12, hashLength: Int = 20) throws -> PackEntryHeader {
        let bytes = [UInt8](repeating: 0, count: offset) + header
        return try bytes.withUnsafeBytes { raw in
            try PackEntryHeader.decode(raw, at: offset, end: raw.count, hashLength: hashLength)
        }
    }

    /// (kind, size, bytes) — sizes at the varint boundaries, every whole type.
    static let wholeCases: [(ObjectType, Int, [UInt8])] = [
        // commit 1, size 0: 0|001|0000.
        (.commit, 0, [0x10]),
        // tree 2, size 15 fills the nibble: 0|010|1111.
        (.tree, 15, [0x2F]),
        // blob 3, size 16 = 1·16 + 0: 1|011|0000, then 1.
        (.blob, 16, [0xB0, 0x01]),
        // tag 4, size 2^7·16 − 1 = 2047 = 127·16 + 15: 1|100|1111, then 127.
        (.tag, 2047, [0xCF, 0x7F]),
        // blob, 2048 = 128·16: nibble 0, then 128 = groups 0 (more) and 1.
        (.blob, 2048, [0xB0, 0x80, 0x01]),
        // blob, 2^32 = 2^28·16: nibble 0, groups 0, 0, 0, 0 (bits 4–31), then 1 (bit 32).
        (.blob, 1 << 32, [0xB0, 0x80, 0x80, 0x80, 0x80, 0x01]),
        // blob, 100 = 0x64: 1|011|0100, then 100 >> 4 = 6.
        (.blob, 100, [0xB4, 0x06]),
        // commit, 2^63 − 1: nibble 15, eight groups of 127 (56 bits), then the last 3 bits = 7.
        (.commit, Int.max, [0x9F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]),
    ]

    @Test func wholeObjectHeadersHaveTheHandWorkedBytes() throws {
        for (type, size, bytes) in Self.wholeCases {
            #expect(try PackEntryHeader.encode(.whole(type), size: size, at: 12) == bytes, "\(type) \(size)")
            let header = try decode(bytes)
            #expect(header.kind == .whole(type), "\(type) \(size)")
            #expect(header.size == size, "\(type) \(size)")
            #expect(header.dataOffset == 12 + bytes.count)
        }
    }

    /// (distance, bytes): n bytes hold their 7-bit groups plus 2^7 + … + 2^(7(n−1)).
    static let distanceCases: [(Int, [UInt8])] = [
        (1, [0x01]),
        (127, [0x7F]),
        (128, [0x80, 0x00]),  // 0 + 128
        (16_511, [0xFF, 0x7F]),  // 127·128 + 127 + 128
        (16_512, [0x80, 0x80, 0x00]),  // 0 + 128 + 16384
    ]

    @Test func offsetDeltaDistancesHaveTheHandWorkedBytes() throws {
        for (distance, distanceBytes) in Self.distanceCases {
            let offset = 12 + distance
            // OFS_DELTA 6, delta size 5: 0|110|0101.
            let bytes = [0x65] + distanceBytes
            #expect(try PackEntryHeader.encode(.offsetDelta(baseOffset: 12), size: 5, at: offset) == bytes, "\(distance)")
            let header = try decode(bytes, at: offset)
            #expect(header.kind == .offsetDelta(baseOffset: 12), "\(distance)")
            #expect(header.size == 5 && header.dataOffset == offset + bytes.count)
        }
    }

    @Test func offsetDeltaSizeAndDistanceTogether() throws {
        // OFS_DELTA, size 0x12345: nibble 5, then 0x1234 in 7-bit groups 0x34, 0x24; distance 300 = (1 + 1)·128 + 44.
        let bytes: [UInt8] = [0xE5, 0xB4, 0x24, 0x81, 0x2C]
        #expect(try PackEntryHeader.encode(.offsetDelta(baseOffset: 100), size: 0x12345, at: 400) == bytes)
        #expect(try decode(bytes, at: 400) == PackEntryHeader(kind: .offsetDelta(baseOffset: 100), size: 0x12345, dataOffset: 405))
    }

    @Test func refDeltaCarriesTheBaseID() throws {
        for algorithm in HashAlgorithm.allCases {
            let base = ObjectID(uncheckedBytes: (0..<algorithm.digestLength).map { UInt8($0 + 1) })
            // REF_DELTA 7, size 300 = 18·16 + 12: 1|111|1100, then 18; then the id.
            let bytes = [0xFC, 0x12] + base.bytes
            #expect(try PackEntryHeader.encode(.refDelta(base: base), size: 300, at: 40) == bytes)
            let header = try decode(bytes, at: 40, hashLength: algorithm.digestLength)
            #expect(header.kind == .refDelta(base: base) && header.size == 300)
            #expect(header.dataOffset == 40 + 2 + algorithm.digestLength)
        }
    }

    @Test func roundTripsEveryKind() throws {
        let base = ObjectID(uncheckedBytes: [UInt8](repeating: 0xAB, count: 20))
        let kinds: [PackEntryKind] = [
            .whole(.commit), .whole(.tree), .whole(.blob), .whole(.tag),
            .offsetDelta(baseOffset: 12), .offsetDelta(baseOffset: 4_000_000), .refDelta(base: base),
        ]
        let offset = 5_000_000_123
        for kind in kinds {
            for size in [0, 1, 15, 16, 127, 128, 2047, 2048, 65_535, 1 << 32, (1 << 62) + 12_345, Int.max] {
                let bytes = try PackEntryHeader.encode(kind, size: size, at: offset)
                var reader = ArrayReader(bytes)
                let header = try PackEntryHeader.decode(from: &reader, at: offset, hashLength: 20)
                #expect(reader.position == bytes.count)
                #expect(header == PackEntryHeader(kind: kind, size: size, dataOffset: offset + bytes.count), "\(kind) \(size)")
            }
        }
    }

    @Test func typeCodesAreGits() {
        #expect([ObjectType.commit, .tree, .blob, .tag].map { PackEntryKind.whole($0).typeCode } == [1, 2, 3, 4])
        #expect(PackEntryKind.offsetDelta(baseOffset: 12).typeCode == 6)
        #expect(PackEntryKind.refDelta(base: HashAlgorithm.sha1.nullID).typeCode == 7)
        #expect((0...7).map { PackEntryKind.objectType(code: $0) } == [nil, .commit, .tree, .blob, .tag, nil, nil, nil])
    }

    @Test func hostileHeadersAreTypedErrors() {
        func expectError(_ reason: PackFormatError.Reason, _ bytes: [UInt8], at offset: Int = 12, _ line: Int = #line) {
            #expect(throws: PackFormatError(reason, offset: offset), "line \(line)") { try decode(bytes, at: offset) }
        }
        // Nothing, or a continuation bit with no byte after it.
        #expect(throws: PackFormatError(.offsetOutsidePack, offset: 12)) { try decode([]) }
        expectError(.truncated("object header"), [0xB0])
        expectError(.truncated("object header"), [0xB0, 0x80, 0x80])
        // Type codes 0 and 5 do not exist.
        expectError(.badTypeCode(0), [0x05])
        expectError(.badTypeCode(5), [0x51])
        // Eleven size bytes, even with all-zero groups.
        expectError(.sizeOverflow, [0xB0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        // Ten bytes whose last group sets bit 63 (4 + 8·7 = 60 bits before it, 0x08 = bit 3 of the group).
        expectError(.sizeOverflow, [0x9F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x08])
        // Distance bytes missing, or cut off after a continuation.
        expectError(.truncated("delta base offset"), [0x65])
        expectError(.truncated("delta base offset"), [0x65, 0x80])
        // Continuation bytes of ones: after n of them the value is
        // 128 + 128^2 + … + 128^(n+1) − 1, which passes 2^63 at n = 8.
        // (Read through the stream decoder: a buffer 2^40 bytes long is not needed.)
        for ones in [8, 9, 12] {
            var reader = ArrayReader([0x65] + [UInt8](repeating: 0xFF, count: ones) + [0x7F])
            #expect(throws: PackFormatError(.distanceOverflow, offset: 1 << 40)) {
                try PackEntryHeader.decode(from: &reader, at: 1 << 40, hashLength: 20)
            }
        }
        // Seven still fit: 2^56 + 2^49 + … + 2^7 − 1 = 0x010204081020407F (then refused as too far back).
        var fits = ArrayReader([0x65] + [UInt8](repeating: 0xFF, count: 7) + [0x7F])
        #expect(throws: PackFormatError(.distanceOutOfRange(0x0102_0408_1020_407F), offset: 1 << 40)) {
            try PackEntryHeader.decode(from: &fits, at: 1 << 40, hashLength: 20)
        }
        // A distance of 0 names the entry itself; 128 from offset 100 lands before the first entry.
        expectError(.distanceOutOfRange(0), [0x65, 0x00])
        expectError(.distanceOutOfRange(128), [0x65, 0x80, 0x00], at: 100)
        // A REF_DELTA id cut short.
        expectError(.truncated("delta base id"), [0x74] + [UInt8](repeating: 1, count: 19))
        // Offsets inside the pack header or past the end.
        #expect(throws: PackFormatError(.offsetOutsidePack, offset: 4)) {
            try [UInt8](repeating: 0x10, count: 20).withUnsafeBytes { raw in
                try PackEntryHeader.decode(raw, at: 4, end: raw.count, hashLength: 20)
            }
        }
    }

    @Test func theFirstEntryMayBeTheBase() throws {
        // From offset 140 a distance of 128 reaches offset 12, the first entry.
        #expect(try decode([0x65, 0x80, 0x00], at: 140).kind == .offsetDelta(baseOffset: 12))
    }

    @Test func unencodableValuesAreErrors() {
        #expect(throws: PackFormatError.self) { try PackEntryHeader.encode(.whole(.blob), size: -1, at: 12) }
        #expect(throws: PackFormatError.self) { try PackEntryHeader.encode(.offsetDelta(baseOffset: 50), size: 1, at: 50) }
        #expect(throws: PackFormatError.self) { try PackEntryHeader.encode(.offsetDelta(baseOffset: 3), size: 1, at: 50) }
    }
}

/// Bytes of an array, for the reader-based decoder.
private struct ArrayReader: PackByteReader {
    var bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func nextByte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }
}
