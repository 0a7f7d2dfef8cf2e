#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only cursor over index bytes that throws `IndexError.truncated`
/// (naming the file and offset) instead of reading past the end.
///
/// Reads through a raw buffer (the mapped or loaded index file), which the
/// caller keeps alive while the reader is used; every read is bounds-checked
/// against `end`, and every returned value is a copy.
struct IndexByteReader {
    let bytes: UnsafeRawBufferPointer
    let file: String
    /// The exclusive end of the readable region (the trailer is outside it).
    let end: Int
    var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, file: String, end: Int, offset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.end = min(end, bytes.count)
        self.offset = offset
    }

    var remaining: Int { end - offset }

    /// The byte at `position` (which must be below `end`).
    func byte(at position: Int) throws -> UInt8 {
        guard position >= 0, position < end else { throw IndexError.truncated(file: file, offset: position) }
        return bytes[position]
    }

    @inline(__always)
    mutating func uint32() throws -> UInt32 {
        guard remaining >= 4 else { throw IndexError.truncated(file: file, offset: offset) }
        let value = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        offset += 4
        return value
    }

    @inline(__always)
    mutating func uint16() throws -> UInt16 {
        guard remaining >= 2 else { throw IndexError.truncated(file: file, offset: offset) }
        let value = UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
        offset += 2
        return value
    }

    @inline(__always)
    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, remaining >= count else { throw IndexError.truncated(file: file, offset: offset) }
        let slice = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        offset += count
        return slice
    }

    /// The length of the bytes from the offset up to the next NUL, or nil if
    /// there is no NUL before `end`.
    func lengthToNul() -> Int? {
        guard remaining > 0, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + offset, 0, remaining) else { return nil }
        return UnsafeRawPointer(hit) - (base + offset)
    }

    /// Bytes up to (not including) the next NUL; the NUL is consumed.
    mutating func nulTerminated() throws -> [UInt8] {
        guard let length = lengthToNul() else { throw IndexError.truncated(file: file, offset: offset) }
        let slice = try take(length)
        offset += 1
        return slice
    }

    /// Appends the bytes up to the next NUL to `out`; the NUL is consumed.
    mutating func appendNulTerminated(to out: inout [UInt8]) throws {
        guard let length = lengthToNul() else { throw IndexError.truncated(file: file, offset: offset) }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
        offset += length + 1
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
