import PfadObjects

/// git's delta format (`gitformat-pack`, "Deltified representation"): the
/// base size and the result size as little-endian base-128 varints, then
/// instructions — *copy* (high bit set: offset and size from the bytes the
/// low seven bits select, size 0 meaning 0x10000) and *insert* (1–127 literal
/// bytes follow). Opcode 0 is reserved and rejected.
public enum Delta {
    /// The declared base and result sizes at the start of `delta`, and where
    /// the instructions begin. Throws `corruptDelta` if the header is cut off
    /// or overflows. O(1).
    public static func header(_ delta: UnsafeRawBufferPointer) throws -> (baseSize: Int, resultSize: Int, start: Int) {
        var position = 0
        let baseSize = try varint(delta, &position)
        let resultSize = try varint(delta, &position)
        return (baseSize, resultSize, position)
    }

    /// Applies `delta` to `base`. See `apply(base:delta:limit:)` on raw buffers.
    public static func apply(base: [UInt8], delta: [UInt8], limit: Int = Int(Int32.max)) throws -> [UInt8] {
        try base.withUnsafeBytes { b in
            try delta.withUnsafeBytes { d in try apply(base: b, delta: d, limit: limit) }
        }
    }

    /// Applies `delta` to `base` and returns the result.
    ///
    /// Checks that the declared base size equals `base.count`, that every
    /// copy stays inside the base, that inserts stay inside the delta, that
    /// the output never exceeds the declared result size, and that it is
    /// reached exactly. The declared size is refused before allocating when it
    /// exceeds `limit` or what the instructions could possibly produce
    /// (decompression-bomb guard). O(result size).
    public static func apply(base: UnsafeRawBufferPointer, delta: UnsafeRawBufferPointer, limit: Int = Int(Int32.max)) throws -> [UInt8] {
        let (baseSize, resultSize, start) = try header(delta)
        guard baseSize == base.count else {
            throw StoreError.corruptDelta(detail: "base has \(base.count) bytes, delta expects \(baseSize)")
        }
        guard resultSize <= limit else {
            throw StoreError.corruptDelta(detail: "result size \(resultSize) exceeds the limit of \(limit) bytes")
        }
        // Each instruction byte yields at most max(base, 127) bytes.
        let instructions = delta.count - start
        let (ceiling, overflow) = instructions.multipliedReportingOverflow(by: max(base.count, 127))
        guard overflow || resultSize <= ceiling else {
            throw StoreError.corruptDelta(detail: "result size \(resultSize) is impossible for \(instructions) bytes of instructions")
        }
        if resultSize == 0 {
            guard start == delta.count else { throw StoreError.corruptDelta(detail: "instructions after an empty result") }
            return []
        }
        return try [UInt8](unsafeUninitializedCapacity: resultSize) { buffer, count in
            count = 0
            let out = UnsafeMutableRawBufferPointer(buffer)
            guard let target = out.baseAddress else { return }
            var position = start
            var produced = 0
            while position < delta.count {
                let opcode = delta[position]
                position += 1
                if opcode & 0x80 != 0 {
                    var offset = 0
                    var size = 0
                    for bit in 0..<4 where opcode & (1 << bit) != 0 {
                        guard position < delta.count else { throw StoreError.corruptDelta(detail: "copy instruction cut off") }
                        offset |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    for bit in 0..<3 where opcode & (0x10 << bit) != 0 {
                        guard position < delta.count else { throw StoreError.corruptDelta(detail: "copy instruction cut off") }
                        size |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    if size == 0 { size = 0x10000 }
                    guard offset <= base.count, size <= base.count - offset else {
                        throw StoreError.corruptDelta(detail: "copy of \(size) bytes at \(offset) outside the \(base.count)-byte base")
                    }
                    guard size <= resultSize - produced else {
                        throw StoreError.corruptDelta(detail: "result longer than the declared \(resultSize) bytes")
                    }
                    if let source = base.baseAddress {
                        (target + produced).copyMemory(from: source + offset, byteCount: size)
                    }
                    produced += size
                } else if opcode != 0 {
                    let size = Int(opcode)
                    guard size <= delta.count - position else { throw StoreError.corruptDelta(detail: "insert instruction cut off") }
                    guard size <= resultSize - produced else {
                        throw StoreError.corruptDelta(detail: "result longer than the declared \(resultSize) bytes")
                    }
                    if let source = delta.baseAddress {
                        (target + produced).copyMemory(from: source + position, byteCount: size)
                    }
                    position += size
                    produced += size
                } else {
                    throw StoreError.corruptDelta(detail: "reserved opcode 0 at offset \(position - 1)")
                }
            }
            guard produced == resultSize else {
                throw StoreError.corruptDelta(detail: "result has \(produced) bytes, delta declares \(resultSize)")
            }
            count = produced
        }
    }

    /// Encodes `value` as a delta-header varint (little-endian base 128).
    public static func encodeSize(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        var rest = UInt64(max(value, 0))
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            out.append(byte)
        } while rest != 0
        return out
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) throws -> Int {
        var value = 0
        var shift = 0
        while true {
            guard position < bytes.count else { throw StoreError.corruptDelta(detail: "header cut off") }
            let byte = bytes[position]
            position += 1
            guard shift <= 56 else { throw StoreError.corruptDelta(detail: "size in header overflows") }
            value |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 { break }
        }
        guard value >= 0 else { throw StoreError.corruptDelta(detail: "size in header overflows") }
        return value
    }
}
