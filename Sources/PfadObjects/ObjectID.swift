/// The name of an object: the binary digest of its header and content.
///
/// Never a raw 20-byte array: the algorithm follows from the length, so sha1
/// and sha256 ids travel through the same code.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The binary digest (20 bytes for sha1, 32 for sha256).
    public let bytes: [UInt8]

    /// An id from a binary digest whose length is known to be valid.
    public init(uncheckedBytes bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// An id from a binary digest; nil unless it has 20 or 32 bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard HashAlgorithm(digestLength: bytes.count) != nil else { return nil }
        self.bytes = Array(bytes)
    }

    /// An id from full lower- or upper-case hex; nil if `hex` is not 40 or 64 hex digits.
    public init?(hex: some StringProtocol) {
        self.init(hexBytes: Array(hex.utf8))
    }

    /// An id from hex given as ASCII bytes; nil if not 40 or 64 hex digits.
    public init?(hexBytes: some Collection<UInt8>) {
        guard hexBytes.count % 2 == 0, HashAlgorithm(digestLength: hexBytes.count / 2) != nil else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(hexBytes.count / 2)
        var iterator = hexBytes.makeIterator()
        while let hi = iterator.next(), let lo = iterator.next() {
            guard let h = Hex.value(of: hi), let l = Hex.value(of: lo) else { return nil }
            out.append(h << 4 | l)
        }
        self.bytes = out
    }

    /// The algorithm this id belongs to.
    public var algorithm: HashAlgorithm { HashAlgorithm(digestLength: bytes.count) ?? .sha1 }

    /// Lower-case hex, as git prints ids.
    public var hex: String { Hex.encode(bytes) }

    /// Lower-case hex as ASCII bytes.
    public var hexBytes: [UInt8] { Hex.encodeBytes(bytes) }

    /// True for the all-zero id.
    public var isNull: Bool { bytes.allSatisfy { $0 == 0 } }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// Hexadecimal helpers shared by ids and abbreviations.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Value of one ASCII hex digit, or nil.
    @inlinable
    public static func value(of c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    /// True if every byte of `s` is a hex digit.
    public static func isHex(_ s: some StringProtocol) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { value(of: $0) != nil }
    }

    /// Lower-case hex of `bytes` as ASCII.
    public static func encodeBytes(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return out
    }

    /// Lower-case hex of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: encodeBytes(bytes), as: UTF8.self)
    }
}
