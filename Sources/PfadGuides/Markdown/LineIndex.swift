/// The byte offset at which each line of a text starts, to turn cmark's
/// line/column positions into byte ranges. O(n) to build, O(1) per lookup.
struct LineIndex: Sendable {
    /// `starts[i]` is the offset of line `i + 1`.
    let starts: [Int]
    /// The total length of the text.
    let count: Int
    let bytes: [UInt8]

    init(_ text: [UInt8]) {
        var starts = [0]
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.starts = starts
        self.count = text.count
        self.bytes = text
    }

    /// The offset where line `line` ends, before its newline (and before a
    /// `\r` that precedes the newline).
    func contentEnd(ofLine line: Int) -> Int {
        guard line >= 1, line <= starts.count else { return count }
        var end = line < starts.count ? starts[line] - 1 : count
        if end > starts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The offset of the byte at `position` (1-based line and column),
    /// clamped to the line.
    func offset(of position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= starts.count else { return count }
        let start = starts[position.line - 1]
        return min(start + max(position.column - 1, 0), contentEnd(ofLine: position.line))
    }

    /// The exclusive end offset for an inclusive `position`. cmark reports
    /// column 0 for a block that ends with the line before (after a blank
    /// line); that becomes the end of the previous line.
    func endOffset(of position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= starts.count else { return count }
        if position.column < 1 {
            return position.line > 1 ? contentEnd(ofLine: position.line - 1) : 0
        }
        let start = starts[position.line - 1]
        return min(start + position.column, contentEnd(ofLine: position.line))
    }

    /// The 1-based line that holds `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}
