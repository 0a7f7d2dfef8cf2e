/// A forward-only cursor over index bytes that throws `IndexError.truncated`
/// (naming the file and offset) instead of reading past the end.
struct IndexByteReader {
    let bytes: [UInt8]
    let file: String
    /// The exclusive end of the readable region (the trailer is outside it).
    let end: Int
    var offset: Int

    init(_ bytes: [UInt8], file: String, end: Int, offset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.end = end
        self.offset = offset
    }

    var remaining: Int { end - offset }

    mutating func uint32() throws -> UInt32 {
        guard remaining >= 4 else { throw IndexError.truncated(file: file, offset: offset) }
        let value = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
        offset += 4
        return value
    }

    mutating func uint16() throws -> UInt16 {
        guard remaining >= 2 else { throw IndexError.truncated(file: file, offset: offset) }
        let value = UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
        offset += 2
        return value
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, remaining >= count else { throw IndexError.truncated(file: file, offset: offset) }
        let slice = Array(bytes[offset..<offset + count])
        offset += count
        return slice
    }

    /// Bytes up to (not including) the next NUL; the NUL is consumed.
    mutating func nulTerminated() throws -> [UInt8] {
        var i = offset
        while i < end && bytes[i] != 0 { i += 1 }
        guard i < end else { throw IndexError.truncated(file: file, offset: offset) }
        let slice = Array(bytes[offset..<i])
        offset = i + 1
        return slice
    }

    /// The variable-width integer of the pack format's `OFS_DELTA` offsets
    /// (each continuation adds one before shifting), used by index version 4.
    mutating func offsetVarint() throws -> Int {
        let start = offset
        guard remaining >= 1 else { throw IndexError.truncated(file: file, offset: offset) }
        var byte = bytes[offset]
        offset += 1
        var value = Int(byte & 0x7F)
        while byte & 0x80 != 0 {
            guard remaining >= 1 else { throw IndexError.truncated(file: file, offset: offset) }
            guard value < (Int.max >> 8) else {
                throw IndexError.malformedEntry(file: file, offset: start, reason: "prefix length overflows")
            }
            byte = bytes[offset]
            offset += 1
            value = ((value + 1) << 7) | Int(byte & 0x7F)
        }
        return value
    }
}
