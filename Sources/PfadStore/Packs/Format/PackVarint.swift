/// The two variable-length integers of pack entry headers
/// (`Documentation/gitformat-pack.txt`), with one overflow rule for both:
/// a decoded value must fit in 63 bits (a non-negative `Int`); a group of
/// 7 bits that would be shifted beyond that, or a size header longer than
/// ten bytes, is refused instead of wrapping or trapping.
///
/// - Size: little-endian 7-bit groups after the 4 low bits of the first
///   header byte; the high bit of each byte says another follows.
/// - `OFS_DELTA` distance: big-endian 7-bit groups, high bit = more
///   follow, and each continuation adds one before shifting (so every
///   distance has exactly one encoding).
enum PackVarint {
    /// Appends the continuation bytes of a size whose low 4 bits went into
    /// the first header byte (`first`, without its high bit).
    static func appendSize(_ size: UInt64, first: UInt8, to out: inout [UInt8]) {
        var rest = size >> 4
        var byte = first | UInt8(truncatingIfNeeded: size & 0x0F)
        while rest != 0 {
            out.append(byte | 0x80)
            byte = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
        }
        out.append(byte)
    }

    /// Decodes the rest of a size varint whose first header byte was
    /// `first`. Returns the size; `count` grows by the bytes read.
    /// - Throws: `.sizeOverflow`, `.truncated`, or what `reader` throws.
    @inline(__always)
    static func decodeSize<Reader: PackByteReader>(
        first: UInt8, from reader: inout Reader, count: inout Int, offset: Int
    ) throws -> Int {
        var value = UInt64(first & 0x0F)
        var shift: UInt64 = 4
        var byte = first
        while byte & 0x80 != 0 {
            guard let next = try reader.nextByte() else {
                throw PackFormatError(.truncated("object header"), offset: offset)
            }
            byte = next
            count += 1
            let group = UInt64(byte & 0x7F)
            guard shift < 63, group >> (63 - shift) == 0 else {
                throw PackFormatError(.sizeOverflow, offset: offset)
            }
            value |= group << shift
            shift += 7
        }
        return Int(value)
    }

    /// The bytes of an `OFS_DELTA` distance (> 0).
    static func encodeDistance(_ distance: UInt64) -> [UInt8] {
        var value = distance
        var out: [UInt8] = [UInt8(truncatingIfNeeded: value & 0x7F)]
        value >>= 7
        while value != 0 {
            value -= 1
            out.append(0x80 | UInt8(truncatingIfNeeded: value & 0x7F))
            value >>= 7
        }
        return out.reversed()
    }

    /// Decodes an `OFS_DELTA` distance. `count` grows by the bytes read.
    /// - Throws: `.distanceOverflow`, `.truncated`, or what `reader` throws.
    @inline(__always)
    static func decodeDistance<Reader: PackByteReader>(
        from reader: inout Reader, count: inout Int, offset: Int
    ) throws -> UInt64 {
        guard var byte = try reader.nextByte() else {
            throw PackFormatError(.truncated("delta base offset"), offset: offset)
        }
        count += 1
        var value = UInt64(byte & 0x7F)
        while byte & 0x80 != 0 {
            guard let next = try reader.nextByte() else {
                throw PackFormatError(.truncated("delta base offset"), offset: offset)
            }
            byte = next
            count += 1
            // value < 2^63 here, so the +1 cannot wrap; the shift must keep 63 bits.
            value += 1
            guard value >> 56 == 0 else { throw PackFormatError(.distanceOverflow, offset: offset) }
            value = (value << 7) | UInt64(byte & 0x7F)
        }
        return value
    }
}
