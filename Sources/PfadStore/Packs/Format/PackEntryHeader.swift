import PfadObjects

/// The header of one pack entry (`Documentation/gitformat-pack.txt`): the
/// type code and inflated size, then for `OFS_DELTA` the distance back to
/// the base entry and for `REF_DELTA` the base's id. The one decoder and
/// encoder of entry headers; every pack reader and writer uses it.
public struct PackEntryHeader: Sendable, Hashable {
    /// Whole or delta, with the base location.
    public var kind: PackEntryKind
    /// The inflated size of the entry's data (the object, or the delta).
    public var size: Int
    /// Where the zlib stream begins (the entry's offset plus the header length).
    public var dataOffset: Int

    /// A header as decoded at some offset.
    public init(kind: PackEntryKind, size: Int, dataOffset: Int) {
        self.kind = kind
        self.size = size
        self.dataOffset = dataOffset
    }

    /// Decodes the header of the entry at `offset` in `bytes`, reading no
    /// further than `end`. O(header length).
    /// - Throws: `PackFormatError` naming `offset`: an offset outside
    ///   `12..<end`, a truncated header, a bad type code, a size or
    ///   distance beyond 63 bits, or a base before the first entry.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, hashLength: Int
    ) throws(PackFormatError) -> PackEntryHeader {
        guard offset >= PackHeader.byteCount, offset < end, end <= bytes.count else {
            throw PackFormatError(.offsetOutsidePack, offset: offset)
        }
        var reader = PackBufferReader(bytes, start: offset, end: end)
        do {
            return try decode(from: &reader, at: offset, hashLength: hashLength)
        } catch let error as PackFormatError {
            throw error
        } catch {
            // A buffer reader throws nothing else.
            throw PackFormatError(.truncated("object header"), offset: offset)
        }
    }

    /// Decodes the header of the entry that starts at pack offset `offset`
    /// from `reader` (positioned at that entry), consuming exactly the header.
    /// O(header length).
    /// - Throws: `PackFormatError` as `decode(_:at:end:hashLength:)`, or
    ///   whatever `reader` throws.
    public static func decode<Reader: PackByteReader>(
        from reader: inout Reader, at offset: Int, hashLength: Int
    ) throws -> PackEntryHeader {
        guard let first = try reader.nextByte() else { throw PackFormatError(.truncated("object header"), offset: offset) }
        var count = 1
        let code = Int(first >> 4) & 7
        let size = try PackVarint.decodeSize(first: first, from: &reader, count: &count, offset: offset)
        let kind: PackEntryKind
        switch code {
        case PackEntryKind.offsetDeltaCode:
            let distance = try PackVarint.decodeDistance(from: &reader, count: &count, offset: offset)
            guard distance > 0, distance <= UInt64(max(offset - PackHeader.byteCount, 0)) else {
                throw PackFormatError(.distanceOutOfRange(distance), offset: offset)
            }
            kind = .offsetDelta(baseOffset: offset - Int(distance))
        case PackEntryKind.refDeltaCode:
            var id: [UInt8] = []
            id.reserveCapacity(hashLength)
            while id.count < hashLength {
                guard let byte = try reader.nextByte() else {
                    throw PackFormatError(.truncated("delta base id"), offset: offset)
                }
                id.append(byte)
            }
            count += hashLength
            kind = .refDelta(base: ObjectID(uncheckedBytes: id))
        default:
            guard let type = PackEntryKind.objectType(code: code) else {
                throw PackFormatError(.badTypeCode(code), offset: offset)
            }
            kind = .whole(type)
        }
        return PackEntryHeader(kind: kind, size: size, dataOffset: offset + count)
    }

    /// The header bytes of an entry of `kind` at pack offset `offset` whose
    /// data inflates to `size` bytes (for `REF_DELTA` followed by the base id).
    /// - Throws: `PackFormatError.Reason.unencodable` for a negative size or
    ///   an offset delta whose base does not precede `offset`.
    public static func encode(_ kind: PackEntryKind, size: Int, at offset: Int) throws(PackFormatError) -> [UInt8] {
        guard size >= 0 else { throw PackFormatError(.unencodable("negative size \(size)"), offset: offset) }
        var out: [UInt8] = []
        out.reserveCapacity(8)
        PackVarint.appendSize(UInt64(size), first: UInt8(truncatingIfNeeded: kind.typeCode << 4), to: &out)
        switch kind {
        case .whole: break
        case .offsetDelta(let baseOffset):
            guard baseOffset >= PackHeader.byteCount, baseOffset < offset else {
                throw PackFormatError(.unencodable("delta base offset \(baseOffset)"), offset: offset)
            }
            out += PackVarint.encodeDistance(UInt64(offset - baseOffset))
        case .refDelta(let base):
            out += base.bytes
        }
        return out
    }
}
