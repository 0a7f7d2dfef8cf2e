/// Encodes git's delta format (`Documentation/gitformat-pack.txt`,
/// "Deltified representation"): the base size and the target size as
/// little-endian base-128 numbers, then instructions that either copy a range
/// of the base (`1xxxxxxx`, up to four offset and three size bytes, present
/// bytes flagged in the opcode) or insert 1–127 literal bytes (`0xxxxxxx`).
///
/// The encoder looks up every target position's 16-byte window in a
/// `DeltaIndex` of the base, extends each candidate forwards (and backwards
/// into not yet emitted literals) and copies the longest match.
public enum DeltaEncoder {
    /// Largest size one copy instruction carries (three size bytes).
    public static let maxCopySize = 0xFF_FFFF
    /// Largest number of literal bytes one insert instruction carries.
    public static let maxInsertSize = 127

    /// The delta that rebuilds `target` from `base`, or nil when it would be
    /// longer than `maxSize` bytes (then the target is better stored whole).
    /// O(target × chain) time; never more than `maxSize` + a few bytes of output.
    public static func encode(base: [UInt8], target: [UInt8], maxSize: Int = Int.max) -> [UInt8]? {
        encode(index: DeltaIndex(base: base), target: target, maxSize: maxSize)
    }

    /// As `encode(base:target:maxSize:)` with a prebuilt index of the base,
    /// for trying one base against many targets.
    public static func encode(index: DeltaIndex, target: [UInt8], maxSize: Int = Int.max) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(maxSize, target.count / 4 + 32))
        appendSize(index.base.count, to: &out)
        appendSize(target.count, to: &out)
        let complete = index.base.withUnsafeBufferPointer { base in
            target.withUnsafeBufferPointer { target in
                encodeInstructions(index: index, base: base, target: target, maxSize: maxSize, into: &out)
            }
        }
        return complete ? out : nil
    }

    /// A size in the delta header: 7 bits per byte, least significant first,
    /// high bit set on every byte but the last.
    static func appendSize(_ size: Int, to out: inout [UInt8]) {
        var value = UInt64(size)
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func encodeInstructions(
        index: DeltaIndex, base: UnsafeBufferPointer<UInt8>, target: UnsafeBufferPointer<UInt8>,
        maxSize: Int, into out: inout [UInt8]
    ) -> Bool {
        let block = DeltaIndex.blockSize
        var literalStart = 0
        var position = 0
        let canCopy = !index.next.isEmpty && target.count >= block
        var hash: UInt64 = canCopy ? DeltaIndex.hash(target, at: 0) : 0
        while canCopy && position + block <= target.count {
            var bestLength = 0
            var bestOffset = 0
            var candidate = Int(index.heads[index.bucket(hash)])
            var visited = 0
            while candidate >= 0 && visited < DeltaIndex.maxChain {
                let offset = candidate * block
                let length = matchLength(base, from: offset, target, from: position)
                if length > bestLength {
                    bestLength = length
                    bestOffset = offset
                }
                candidate = Int(index.next[candidate])
                visited += 1
            }
            if bestLength >= block {
                var back = 0
                while back < position - literalStart && back < bestOffset
                    && base[bestOffset - back - 1] == target[position - back - 1]
                {
                    back += 1
                }
                appendInserts(target, literalStart..<(position - back), to: &out)
                appendCopies(offset: bestOffset - back, length: bestLength + back, to: &out)
                position += bestLength
                literalStart = position
                if out.count > maxSize { return false }
                if position + block <= target.count { hash = DeltaIndex.hash(target, at: position) }
            } else {
                if position + block < target.count {
                    hash = DeltaIndex.roll(hash, leaving: target[position], entering: target[position + block])
                }
                position += 1
                // Literals cost 128 bytes per 127: stop early once hopeless.
                if out.count + (position - literalStart) > maxSize { return false }
            }
        }
        appendInserts(target, literalStart..<target.count, to: &out)
        return out.count <= maxSize
    }

    /// How many bytes from `base[b...]` equal `target[t...]`.
    @inline(__always)
    private static func matchLength(_ base: UnsafeBufferPointer<UInt8>, from b: Int, _ target: UnsafeBufferPointer<UInt8>, from t: Int) -> Int {
        let limit = min(base.count - b, target.count - t)
        var n = 0
        while n < limit && base[b + n] == target[t + n] { n += 1 }
        return n
    }

    /// Insert instructions for `range` of the target, 127 bytes at most each.
    private static func appendInserts(_ target: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var start = range.lowerBound
        while start < range.upperBound {
            let count = min(maxInsertSize, range.upperBound - start)
            out.append(UInt8(count))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: target[start..<(start + count)]))
            start += count
        }
    }

    /// Copy instructions for `length` base bytes from `offset`, split at
    /// `maxCopySize`; zero bytes of offset and size are left out.
    private static func appendCopies(offset: Int, length: Int, to out: inout [UInt8]) {
        var offset = offset
        var remaining = length
        while remaining > 0 {
            let size = min(remaining, maxCopySize)
            var opcode: UInt8 = 0x80
            var operands: [UInt8] = []
            operands.reserveCapacity(7)
            for byte in 0..<4 {
                let value = UInt8(truncatingIfNeeded: offset >> (8 * byte))
                if value != 0 {
                    opcode |= 1 << UInt8(byte)
                    operands.append(value)
                }
            }
            for byte in 0..<3 {
                let value = UInt8(truncatingIfNeeded: size >> (8 * byte))
                if value != 0 {
                    opcode |= 0x10 << UInt8(byte)
                    operands.append(value)
                }
            }
            out.append(opcode)
            out.append(contentsOf: operands)
            offset += size
            remaining -= size
        }
    }
}
