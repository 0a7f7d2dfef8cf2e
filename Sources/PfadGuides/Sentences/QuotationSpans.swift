/// The quotations of a text that open and close within it: `„…“`,
/// `»…«`, `«…»`, `“…”` and pairs of straight `"`. A sentence mark inside
/// one ends the unit only when the quotation closes right after it; the
/// quotation is otherwise kept whole. A quotation
/// that never closes, or straight quotes of odd number, are ignored.
struct QuotationSpans {
    /// Open and close indices of each quotation.
    private(set) var spans: [ClosedRange<Int>] = []

    /// Closing mark for each typographic opening mark.
    private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["„": "“", "»": "«", "«": "»", "“": "”"]

    init(_ text: ScalarText) {
        var stack: [(open: Int, close: Unicode.Scalar)] = []
        var straight: [Int] = []
        for index in 0..<text.count {
            let scalar = text[index]
            if scalar == "\"" {
                straight.append(index)
            } else if let top = stack.last, top.close == scalar {
                stack.removeLast()
                spans.append(top.open...index)
            } else if let close = Self.pairs[scalar] {
                stack.append((index, close))
            }
        }
        if straight.count % 2 == 0 {
            for pair in stride(from: 0, to: straight.count, by: 2) {
                spans.append(straight[pair]...straight[pair + 1])
            }
        }
    }

    /// Whether `index` lies inside a quotation whose closing mark comes at
    /// or after `end`: a sentence mark there is not the quotation's last.
    func encloses(_ index: Int, until end: Int) -> Bool {
        spans.contains { $0.lowerBound < index && $0.upperBound >= end }
    }
}
