/// A hash index of a delta base: the rolling hash of every aligned
/// `DeltaIndex.blockSize`-byte block of the base, so that a target can look up
/// candidate copy sources at any of its positions.
///
/// Built once per base and reused for every target tried against it (the
/// delta search keeps one per window slot). O(n) time, about n/4 bytes of
/// memory for an n-byte base.
public struct DeltaIndex: Sendable {
    /// Bytes per indexed block and per rolling-hash window.
    public static let blockSize = 16
    /// How many candidates of one hash bucket a lookup visits at most, so
    /// hostile bases (one repeated block) cannot make encoding quadratic.
    static let maxChain = 48
    /// Multiplier of the polynomial rolling hash (odd, wrapping arithmetic).
    static let multiplier: UInt64 = 0x100_0000_01b3
    /// `multiplier` raised to `blockSize - 1`: removes the leaving byte.
    static let leadingPower: UInt64 = {
        var p: UInt64 = 1
        for _ in 1..<blockSize { p = p &* multiplier }
        return p
    }()

    /// The base the index describes.
    public let base: [UInt8]
    /// First block offset per bucket, -1 for none.
    let heads: [Int32]
    /// Next block offset in the same bucket, -1 at the end (indexed by block number).
    let next: [Int32]
    /// `heads.count - 1`.
    let mask: UInt64
    /// `64 - log2(heads.count)`.
    let shift: UInt64

    /// Indexes `base`. Bases of 4 GiB or more are not indexed (copy offsets
    /// have 32 bits): their index is empty and every lookup misses.
    public init(base: [UInt8]) {
        self.base = base
        let blocks = base.count < Int(Int32.max) ? base.count / Self.blockSize : 0
        var bits: UInt64 = 4
        while (1 << bits) < blocks && bits < 28 { bits += 1 }
        var heads = [Int32](repeating: -1, count: 1 << Int(bits))
        var next = [Int32](repeating: -1, count: blocks)
        let shift = 64 - bits
        base.withUnsafeBufferPointer { bytes in
            // Later blocks first in each chain: insert in reverse order so the
            // chain walks from the start of the base.
            var block = blocks - 1
            while block >= 0 {
                let offset = block * Self.blockSize
                let hash = Self.hash(bytes, at: offset)
                let bucket = Int(Self.mix(hash) >> shift)
                next[block] = heads[bucket]
                heads[bucket] = Int32(block)
                block -= 1
            }
        }
        self.heads = heads
        self.next = next
        self.mask = (1 << bits) - 1
        self.shift = shift
    }

    /// The rolling hash of the `blockSize` bytes at `offset`.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        var h: UInt64 = 0
        for i in offset..<(offset + blockSize) { h = h &* multiplier &+ UInt64(bytes[i]) &+ 1 }
        return h
    }

    /// The hash of the window one byte further: `leaving` drops out, `entering` comes in.
    @inline(__always)
    static func roll(_ hash: UInt64, leaving: UInt8, entering: UInt8) -> UInt64 {
        (hash &- (UInt64(leaving) &+ 1) &* leadingPower) &* multiplier &+ UInt64(entering) &+ 1
    }

    /// Spreads the hash bits before taking the top bits as bucket number.
    @inline(__always)
    static func mix(_ hash: UInt64) -> UInt64 {
        (hash ^ (hash >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The bucket of a window hash.
    @inline(__always)
    func bucket(_ hash: UInt64) -> Int { Int(Self.mix(hash) >> shift) }
}
