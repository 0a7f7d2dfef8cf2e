/// The four kinds of object git stores.
public enum ObjectType: String, Sendable, CaseIterable, Hashable {
    case blob, tree, commit, tag

    /// The type name as ASCII bytes, as it appears in object headers.
    public var nameBytes: [UInt8] { Array(rawValue.utf8) }

    /// The type named by ASCII `bytes`, or nil.
    public init?(nameBytes bytes: some Collection<UInt8>) {
        guard let t = ObjectType(rawValue: String(decoding: Array(bytes), as: UTF8.self)) else { return nil }
        self = t
    }
}

/// The `"<type> <size>\0"` header that precedes content in loose objects and hashing.
public enum ObjectHeader {
    /// Encodes the header for an object of `type` with `size` content bytes.
    public static func encode(type: ObjectType, size: Int) -> [UInt8] {
        type.nameBytes + [0x20] + Array(String(size).utf8) + [0]
    }

    /// Parses a header at the start of `bytes`; returns type, size and the
    /// index of the first content byte, or nil if the header is malformed.
    public static func decode(_ bytes: some Collection<UInt8>) -> (type: ObjectType, size: Int, contentStart: Int)? {
        var typeBytes: [UInt8] = []
        var size = 0
        var seenSpace = false
        var digits = 0
        var index = 0
        for b in bytes {
            index += 1
            if !seenSpace {
                if b == 0x20 { seenSpace = true; continue }
                typeBytes.append(b)
                if typeBytes.count > 6 { return nil }
            } else if b == 0 {
                guard digits > 0, let type = ObjectType(nameBytes: typeBytes) else { return nil }
                return (type, size, index)
            } else {
                guard b >= 0x30, b <= 0x39, digits < 18 else { return nil }
                if digits > 0 && size == 0 { return nil }  // no leading zeros
                size = size * 10 + Int(b - 0x30)
                digits += 1
            }
        }
        return nil
    }
}
