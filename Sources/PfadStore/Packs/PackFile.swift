import PfadObjects

/// How a packed object is stored: whole, or as a delta against a base found
/// by offset (`OFS_DELTA`) or by id (`REF_DELTA`).
public enum PackEntryKind: Sendable, Hashable {
    /// A whole object of this type.
    case whole(ObjectType)
    /// A delta whose base starts at this absolute pack offset.
    case offsetDelta(baseOffset: Int)
    /// A delta whose base is the object with this id.
    case refDelta(base: ObjectID)

    /// git's numeric type code (1–4, 6, 7), as `verify-pack` and the pack header use.
    public var typeCode: Int {
        switch self {
        case .whole(let type):
            switch type {
            case .commit: return 1
            case .tree: return 2
            case .blob: return 3
            case .tag: return 4
            }
        case .offsetDelta: return 6
        case .refDelta: return 7
        }
    }

    /// The object type for a whole-object type code (1–4).
    public static func objectType(code: Int) -> ObjectType? {
        switch code {
        case 1: return .commit
        case 2: return .tree
        case 3: return .blob
        case 4: return .tag
        default: return nil
        }
    }
}

/// The header of one pack entry.
public struct PackEntryHeader: Sendable, Hashable {
    /// Whole or delta, with the base location.
    public var kind: PackEntryKind
    /// The inflated size of the entry's data (the object, or the delta).
    public var size: Int
    /// Where the zlib stream begins.
    public var dataOffset: Int
}

/// A read-only packfile (`gitformat-pack`: `PACK`, version 2 or 3, object
/// count, entries, trailing checksum), memory-mapped.
public struct PackFile: Sendable {
    /// The mapped file.
    public let file: MappedFile
    /// The hash function of the repository.
    public let algorithm: HashAlgorithm
    /// The number of objects the header declares.
    public let objectCount: Int
    /// Where entries end (the start of the trailing checksum).
    public let dataEnd: Int

    /// Opens `path`; nil if absent. Checks the signature, version and that the
    /// file can hold its trailer. O(1).
    public init?(path: String, algorithm: HashAlgorithm) throws {
        guard let file = try MappedFile(path: path) else { return nil }
        try self.init(file: file, algorithm: algorithm)
    }

    /// Validates an already mapped pack.
    public init(file: MappedFile, algorithm: HashAlgorithm) throws {
        self.file = file
        self.algorithm = algorithm
        let h = algorithm.digestLength
        guard file.count >= 12 + h else {
            throw StoreError.corruptPack(path: file.path, offset: nil, detail: "file too small (\(file.count) bytes)")
        }
        guard file.bytes[0] == 0x50, file.bytes[1] == 0x41, file.bytes[2] == 0x43, file.bytes[3] == 0x4B else {
            throw StoreError.corruptPack(path: file.path, offset: 0, detail: "not a packfile (bad signature)")
        }
        let version = file.uint32(at: 4)
        guard version == 2 || version == 3 else {
            throw StoreError.corruptPack(path: file.path, offset: 4, detail: "version \(version) unsupported")
        }
        objectCount = Int(file.uint32(at: 8))
        dataEnd = file.count - h
    }

    /// The trailing checksum.
    public var checksum: ObjectID { ObjectID(uncheckedBytes: Array(file.bytes[dataEnd...])) }

    /// True if the trailing checksum matches the content. O(size).
    public func verifyChecksum() -> Bool {
        algorithm.digest(UnsafeRawBufferPointer(rebasing: file.bytes[..<dataEnd])) == checksum
    }

    /// Parses the entry header at `offset`. Throws `corruptPack` (naming the
    /// offset) for a bad type, an overlong size, or a base outside the pack.
    public func entryHeader(at offset: Int) throws -> PackEntryHeader {
        try Self.parseHeader(file.bytes, at: offset, end: dataEnd, algorithm: algorithm, path: file.path)
    }

    /// Parses an entry header in `bytes` (a pack or a stream buffer) at
    /// `offset`, reading no further than `end`.
    public static func parseHeader(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, algorithm: HashAlgorithm, path: String
    ) throws -> PackEntryHeader {
        func fail(_ detail: String) -> StoreError { .corruptPack(path: path, offset: offset, detail: detail) }
        guard offset >= 12, offset < end else { throw fail("offset outside the pack") }
        var position = offset
        var byte = bytes[position]
        position += 1
        let code = Int(byte >> 4) & 7
        var size = Int(byte & 0x0F)
        var shift = 4
        while byte & 0x80 != 0 {
            guard position < end else { throw fail("truncated object header") }
            guard shift <= 55 else { throw fail("object size overflows") }
            byte = bytes[position]
            position += 1
            size |= Int(byte & 0x7F) << shift
            shift += 7
        }
        let kind: PackEntryKind
        switch code {
        case 1, 2, 3, 4:
            guard let type = PackEntryKind.objectType(code: code) else { throw fail("bad object type \(code)") }
            kind = .whole(type)
        case 6:
            guard position < end else { throw fail("truncated delta base offset") }
            byte = bytes[position]
            position += 1
            var distance = Int(byte & 0x7F)
            while byte & 0x80 != 0 {
                guard position < end else { throw fail("truncated delta base offset") }
                guard distance < (Int.max >> 8) else { throw fail("delta base offset overflows") }
                byte = bytes[position]
                position += 1
                distance = ((distance + 1) << 7) | Int(byte & 0x7F)
            }
            guard distance > 0, distance <= offset - 12 else { throw fail("delta base offset \(distance) out of bounds") }
            kind = .offsetDelta(baseOffset: offset - distance)
        case 7:
            let h = algorithm.digestLength
            guard end - position >= h else { throw fail("truncated delta base id") }
            kind = .refDelta(base: ObjectID(uncheckedBytes: Array(bytes[position..<(position + h)])))
            position += h
        default:
            throw fail("bad object type \(code)")
        }
        return PackEntryHeader(kind: kind, size: size, dataOffset: position)
    }

    /// Inflates the entry data that `header` describes (taken at `offset`):
    /// exactly `header.size` bytes, never allocating more (the declared size is
    /// checked against the bytes left in the pack first). Returns the data and
    /// the compressed length.
    public func inflate(_ header: PackEntryHeader, at offset: Int, inflater: Inflater) throws -> (data: [UInt8], compressedLength: Int) {
        try Self.inflate(file.bytes, header: header, at: offset, end: dataEnd, inflater: inflater, path: file.path)
    }

    /// Inflates entry data from any buffer (see the instance method).
    public static func inflate(
        _ bytes: UnsafeRawBufferPointer, header: PackEntryHeader, at offset: Int, end: Int, inflater: Inflater, path: String
    ) throws -> (data: [UInt8], compressedLength: Int) {
        let available = end - header.dataOffset
        let (ceiling, overflow) = available.multipliedReportingOverflow(by: 1100)
        guard overflow || header.size <= ceiling &+ 64 else {
            throw StoreError.corruptPack(
                path: path, offset: offset,
                detail: "declared size \(header.size) is impossible for the \(available) bytes left in the pack")
        }
        let input = UnsafeRawBufferPointer(rebasing: bytes[header.dataOffset..<end])
        let output: [UInt8]
        let consumed: Int
        do {
            // The context string is built only if something fails.
            (output, consumed) = try inflater.inflateStream(input, limit: header.size, context: "")
        } catch StoreError.sizeLimitExceeded {
            throw StoreError.corruptPack(path: path, offset: offset, detail: "inflated data longer than the declared \(header.size) bytes")
        } catch StoreError.corruptZlib(_, let detail) {
            throw StoreError.corruptPack(path: path, offset: offset, detail: "corrupt zlib data: \(detail)")
        }
        guard output.count == header.size else {
            throw StoreError.corruptPack(path: path, offset: offset, detail: "inflated \(output.count) bytes, header declares \(header.size)")
        }
        return (output, consumed)
    }
}
