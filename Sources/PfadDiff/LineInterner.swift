/// Maps equal byte slices (lines or words) to equal small integers, so the
/// diff algorithms compare integers instead of bytes.
///
/// Keeps one copy of all interned bytes and an open-addressing hash table
/// keyed by a word-at-a-time multiplicative hash; expected O(total bytes)
/// for interning, O(1) per lookup.
public struct LineInterner: Sendable {
    private var slots: [Int32]
    private var mask: Int
    /// All interned buffers, appended.
    private var storage: [UInt8] = []
    /// Representative range (in `storage`) of each id.
    private var representatives: [Range<Int>] = []
    private var hashes: [UInt64] = []

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
        let base = storage.count
        storage.append(contentsOf: bytes)
        let all = storage
        var ids = [Int32](repeating: 0, count: ranges.count)
        all.withUnsafeBufferPointer { buffer in
            for (k, range) in ranges.enumerated() {
                ids[k] = intern(buffer, (range.lowerBound + base)..<(range.upperBound + base))
            }
        }
        return ids
    }

    private static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        guard let base = p.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < end {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }

    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count, let base = p.baseAddress else { return a.count == b.count }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = a.count
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: a.lowerBound + i, as: UInt64.self)
                != raw.loadUnaligned(fromByteOffset: b.lowerBound + i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < n {
            if p[a.lowerBound + i] != p[b.lowerBound + i] { return false }
            i += 1
        }
        return true
    }

    private mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let h = Self.hash(p, range)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            if hashes[Int(existing)] == h && Self.equal(p, representatives[Int(existing)], range) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(representatives.count)
        representatives.append(range)
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
