import PfadObjects

/// Byte encodings of pack entry headers (`Documentation/gitformat-pack.txt`).
enum PackEncoding {
    /// Pack type numbers: commit 1, tree 2, blob 3, tag 4, offset delta 6, ref delta 7.
    static func typeNumber(_ type: ObjectType) -> UInt8 {
        switch type {
        case .commit: return 1
        case .tree: return 2
        case .blob: return 3
        case .tag: return 4
        }
    }

    static let offsetDelta: UInt8 = 6
    static let referenceDelta: UInt8 = 7

    /// The entry header: type in bits 4–6 of the first byte, the size in its
    /// low 4 bits and then 7 bits per byte, high bit = more bytes follow.
    static func entryHeader(type: UInt8, size: Int) -> [UInt8] {
        var value = UInt64(size)
        var first = (type << 4) | UInt8(value & 0x0F)
        value >>= 4
        var out: [UInt8] = []
        if value != 0 { first |= 0x80 }
        out.append(first)
        while value != 0 {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        }
        return out
    }

    /// The distance back to an offset delta's base: big-endian 7-bit groups,
    /// high bit = more follow, each continuation adding one (so every
    /// distance has exactly one encoding).
    static func offsetDistance(_ distance: UInt64) -> [UInt8] {
        var value = distance
        var out: [UInt8] = [UInt8(value & 0x7F)]
        value >>= 7
        while value != 0 {
            value -= 1
            out.append(0x80 | UInt8(value & 0x7F))
            value >>= 7
        }
        return out.reversed()
    }

    /// 32-bit big-endian bytes.
    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// 64-bit big-endian bytes.
    static func bigEndian64(_ value: UInt64) -> [UInt8] {
        bigEndian32(UInt32(value >> 32)) + bigEndian32(UInt32(value & 0xFFFF_FFFF))
    }
}
