import PfadObjects

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
        guard file.count >= PackHeader.byteCount + h else {
            throw StoreError.corruptPack(path: file.path, offset: nil, detail: "file too small (\(file.count) bytes)")
        }
        let header: PackHeader
        do {
            header = try PackHeader(decoding: file.bytes)
        } catch {
            throw error.storeError(path: file.path)
        }
        objectCount = Int(header.objectCount)
        dataEnd = file.count - h
    }

    /// The trailing checksum.
    public var checksum: ObjectID { ObjectID(uncheckedBytes: Array(file.bytes[dataEnd...])) }

    /// True if the trailing checksum matches the content. O(size).
    public func verifyChecksum() -> Bool {
        algorithm.digest(UnsafeRawBufferPointer(rebasing: file.bytes[..<dataEnd])) == checksum
    }

    /// Decodes the entry header at `offset` (see `PackEntryHeader.decode`).
    /// Throws `corruptPack` (naming the offset) for a bad type, an overlong
    /// size, or a base outside the pack. O(header length).
    public func entryHeader(at offset: Int) throws -> PackEntryHeader {
        do {
            return try PackEntryHeader.decode(file.bytes, at: offset, end: dataEnd, hashLength: algorithm.digestLength)
        } catch {
            throw error.storeError(path: file.path)
        }
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
