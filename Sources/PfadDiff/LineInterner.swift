/// Maps equal byte slices (lines or words) to equal small integers, so the
/// diff algorithms compare integers instead of bytes.
///
/// Uses an open-addressing hash table with FNV-1a hashes; expected O(total
/// bytes) for interning, O(1) per lookup.
public struct LineInterner: Sendable {
    private var slots: [Int32]
    private var mask: Int
    /// Representative (buffer, range) of each id, for byte comparison.
    private var representatives: [(buffer: Int, range: Range<Int>)] = []
    private var hashes: [UInt64] = []
    private var buffers: [[UInt8]] = []

    /// Number of distinct slices seen so far.
    public var count: Int { representatives.count }

    /// An interner sized for about `expected` distinct entries.
    public init(expected: Int = 1024) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Interns every range of `bytes`, returning one id per range.
    public mutating func intern(_ bytes: [UInt8], ranges: [Range<Int>]) -> [Int32] {
        let bufferIndex = buffers.count
        buffers.append(bytes)
        var ids: [Int32] = []
        ids.reserveCapacity(ranges.count)
        for range in ranges {
            ids.append(intern(bufferIndex: bufferIndex, range: range))
        }
        return ids
    }

    private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = range.lowerBound
            while i < range.upperBound {
                h = (h ^ UInt64(buffer[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
            return h ^ (h >> 29)
        }
    }

    private func equal(_ id: Int32, bufferIndex: Int, range: Range<Int>) -> Bool {
        let rep = representatives[Int(id)]
        guard rep.range.count == range.count else { return false }
        let left = buffers[rep.buffer]
        let right = buffers[bufferIndex]
        return left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                var i = 0
                let n = range.count
                while i < n {
                    if l[rep.range.lowerBound + i] != r[range.lowerBound + i] { return false }
                    i += 1
                }
                return true
            }
        }
    }

    private mutating func intern(bufferIndex: Int, range: Range<Int>) -> Int32 {
        let h = Self.hash(buffers[bufferIndex], range)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            if hashes[Int(existing)] == h && equal(existing, bufferIndex: bufferIndex, range: range) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(representatives.count)
        representatives.append((bufferIndex, range))
        hashes.append(h)
        slots[slot] = id
        if representatives.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
