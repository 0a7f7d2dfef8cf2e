/// The 12 bytes that open a pack (`Documentation/gitformat-pack.txt`): the
/// signature `PACK`, the version (2 or 3) and the object count, both
/// 32-bit big-endian.
public struct PackHeader: Sendable, Hashable {
    /// `PACK`.
    public static let signature: [UInt8] = Array("PACK".utf8)
    /// The header's length in bytes.
    public static let byteCount = 12
    /// The versions readers accept (writers write 2).
    public static let supportedVersions: ClosedRange<UInt32> = 2...3

    /// The format version.
    public var version: UInt32
    /// The number of entries that follow.
    public var objectCount: UInt32

    /// A header for `objectCount` entries, version 2 unless told.
    public init(objectCount: UInt32, version: UInt32 = 2) {
        self.version = version
        self.objectCount = objectCount
    }

    /// Decodes the first 12 of `bytes`. O(1).
    /// - Throws: `PackFormatError` at offset 0 (fewer than 12 bytes, a bad
    ///   signature) or 4 (a version other than 2 or 3).
    public init<Bytes: Collection<UInt8>>(decoding bytes: Bytes) throws(PackFormatError) {
        let header = Array(bytes.prefix(Self.byteCount))
        guard header.count == Self.byteCount else { throw PackFormatError(.truncated("pack header"), offset: 0) }
        guard Array(header[0..<4]) == Self.signature else { throw PackFormatError(.badSignature, offset: 0) }
        version = Self.bigEndian(header[4..<8])
        guard Self.supportedVersions.contains(version) else {
            throw PackFormatError(.unsupportedVersion(version), offset: 4)
        }
        objectCount = Self.bigEndian(header[8..<12])
    }

    /// The 12 header bytes.
    public var encoded: [UInt8] {
        Self.signature + Self.bigEndianBytes(version) + Self.bigEndianBytes(objectCount)
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }
}
