/// Splits byte contents into lines the way git's diff sees them.
public enum LineSplitter {
    /// The byte ranges of the lines of `bytes`; each range includes its
    /// terminating `\n`, the last one may lack it. An empty input has no
    /// lines. O(n).
    public static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var start = 0
            var index = 0
            let count = buffer.count
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            while index < count {
                // Skip eight bytes at a time while none of them is a newline.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newlines
                    if (word &- ones) & ~word & highs == 0 {
                        index += 8
                        continue
                    }
                }
                if buffer[index] == 0x0A {
                    ranges.append(start..<(index + 1))
                    start = index + 1
                }
                index += 1
            }
            if start < count { ranges.append(start..<count) }
        }
        return ranges
    }

    /// The lines of `bytes` as slices (terminators included). O(n).
    public static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        lineRanges(bytes).map { bytes[$0] }
    }

    /// Whether the content ends without a newline (and is non-empty).
    public static func lacksFinalNewline(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last else { return false }
        return last != 0x0A
    }
}
