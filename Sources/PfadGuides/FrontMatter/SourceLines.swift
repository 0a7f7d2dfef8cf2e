/// The lines of a text as byte ranges, each with its newline.
struct SourceLines {
    /// Line `i + 1` of the text, newline included (the last line may lack one).
    let ranges: [Range<Int>]
    private let text: [UInt8]

    init(_ text: [UInt8]) {
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
            ranges.append(start..<(offset + 1))
            start = offset + 1
        }
        if start < text.count { ranges.append(start..<text.count) }
        self.ranges = ranges
        self.text = text
    }

    /// Whether `line` is `---` (or, when `closing`, also `...`), ignoring
    /// trailing spaces and a carriage return.
    func isDelimiter(_ line: Range<Int>, closing: Bool) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " ")].contains(text[end - 1]) {
            end -= 1
        }
        let content = text[line.lowerBound..<end]
        return content.elementsEqual("---".utf8) || (closing && content.elementsEqual("...".utf8))
    }
}
