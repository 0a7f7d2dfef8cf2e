/// Splits byte contents into lines the way git's diff sees them.
public enum LineSplitter {
    /// The byte ranges of the lines of `bytes`; each range includes its
    /// terminating `\n`, the last one may lack it. An empty input has no
    /// lines. O(n).
    public static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var index = 0
            let count = buffer.count
            while index < count {
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
