/// Why bytes are not a valid pack header or pack entry header
/// (`Documentation/gitformat-pack.txt`), and where.
///
/// The codec throws only this type for format problems; callers add the
/// file name (`StoreError.corruptPack`) or the stream position.
public struct PackFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// The file does not start with `PACK`.
        case badSignature
        /// The version is neither 2 nor 3.
        case unsupportedVersion(UInt32)
        /// The bytes end inside the named part (`"pack header"`, `"object header"`,
        /// `"delta base offset"`, `"delta base id"`).
        case truncated(String)
        /// The type code is not 1–4, 6 or 7.
        case badTypeCode(Int)
        /// The size varint holds more than 63 bits (or more than ten bytes).
        case sizeOverflow
        /// The `OFS_DELTA` distance varint holds more than 63 bits.
        case distanceOverflow
        /// An entry is looked for before the first entry or beyond the last byte.
        case offsetOutsidePack
        /// The `OFS_DELTA` distance is 0 or reaches before the first entry.
        case distanceOutOfRange(UInt64)
        /// A value to encode cannot be written (negative size, base not before the entry).
        case unencodable(String)
    }

    /// Offset of the pack header or entry header the problem is in (nil when unknown).
    public var offset: Int?
    /// What is wrong.
    public var reason: Reason

    /// An error for `reason` in the header that starts at `offset`.
    public init(_ reason: Reason, offset: Int?) {
        self.reason = reason
        self.offset = offset
    }

    /// The problem in git's wording (`index-pack`'s where it has one), without the offset.
    public var detail: String {
        switch reason {
        case .badSignature: return "pack signature mismatch"
        case .unsupportedVersion(let version): return "pack version \(version) unsupported"
        case .truncated(let part): return "truncated \(part)"
        case .badTypeCode(let code): return "unknown object type \(code)"
        case .offsetOutsidePack: return "offset outside the pack"
        case .sizeOverflow: return "object size overflows"
        case .distanceOverflow: return "delta base offset overflows"
        case .distanceOutOfRange(let distance): return "delta base offset \(distance) out of bounds"
        case .unencodable(let what): return "cannot encode \(what)"
        }
    }

    /// `detail`, with the offset when known.
    public var description: String {
        offset.map { "\(detail) (at offset \($0))" } ?? detail
    }

    /// The same problem as a store error naming the pack file at `path`.
    public func storeError(path: String) -> StoreError {
        .corruptPack(path: path, offset: offset, detail: detail)
    }
}
