/// Encoding of pack entry headers (type code and size varint).
public enum PackEntryEncoding {
    /// The header bytes for an entry of `typeCode` whose data inflates to `size` bytes.
    public static func header(typeCode: Int, size: Int) -> [UInt8] {
        var rest = UInt64(max(size, 0))
        var byte = UInt8(truncatingIfNeeded: typeCode << 4) | UInt8(rest & 0x0F)
        rest >>= 4
        var out: [UInt8] = []
        while rest != 0 {
            out.append(byte | 0x80)
            byte = UInt8(rest & 0x7F)
            rest >>= 7
        }
        out.append(byte)
        return out
    }
}
