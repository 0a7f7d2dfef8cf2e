/// A UTF-8 text decoded into Unicode scalars with their byte offsets, so
/// the sentence rules can look backwards and forwards by character while
/// reporting byte ranges. Invalid bytes become U+FFFD, one per byte.
struct ScalarText {
    private(set) var scalars: [Unicode.Scalar] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ text: ArraySlice<UInt8>) {
        var iterator = text.makeIterator()
        var decoder = UTF8()
        var offset = text.startIndex
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                let length = UTF8.width(scalar)
                append(scalar, offset, offset + length)
                offset += length
            case .emptyInput:
                break decoding
            case .error:
                append("\u{FFFD}", offset, offset + 1)
                offset += 1
            }
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    var count: Int { scalars.count }
    var isEmpty: Bool { scalars.isEmpty }
    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    /// The byte offset where scalar `index` starts (the text's end for `count`).
    func start(of index: Int) -> Int { index < count ? starts[index] : (ends.last ?? 0) }
    /// The byte offset after scalar `index`.
    func end(of index: Int) -> Int { ends[index] }

    /// Unicode white space, the no-break space included.
    func isSpace(_ index: Int) -> Bool { scalars[index].properties.isWhitespace }
    /// A letter (umlauts and ß included).
    func isLetter(_ index: Int) -> Bool { index >= 0 && index < count && scalars[index].properties.isAlphabetic }
    /// An ASCII digit.
    func isDigit(_ index: Int) -> Bool { index >= 0 && index < count && ("0"..."9").contains(scalars[index]) }

    /// The text of scalars `range`.
    func string(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[range])
        return text
    }
}
