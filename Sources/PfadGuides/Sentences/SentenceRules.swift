/// The German sentence rules of `SentenceSplitter`, applied to one text.
struct SentenceRules {
    let text: ScalarText

    init(_ text: ScalarText) { self.text = text }

    /// Marks that can end a sentence.
    static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "…"]
    /// What may follow a terminator and still belong to its sentence:
    /// closing quotes and brackets, Markdown emphasis and code markers.
    static let closers: Set<Unicode.Scalar> = [
        "“", "”", "\"", "'", "’", "‘", "«", "»", "›", "‹", ")", "]", "*", "_", "`", "~",
    ]
    /// What may open the next sentence before its first word.
    static let openers: Set<Unicode.Scalar> = [
        "„", "“", "”", "\"", "»", "«", "‚", "‘", "'", "(", "[", "*", "_", "`", "~",
    ]

    /// The scalar indices (above 0) where a new unit starts, ascending.
    func unitStarts() -> [Int] {
        let quotes = QuotationSpans(text)
        var starts = Set<Int>()
        var markerEnd = 0
        var previousLine = LineKind.first
        var index = 0
        var lineStart = true
        var sawContent = false
        while index < text.count {
            if lineStart {
                lineStart = false
                let line = lineKind(at: index)
                if case let .listItem(end) = line.kind { markerEnd = end }
                if let first = line.firstContent {
                    if sawContent, previousLine.forcesBreak || line.kind.isOwnUnit { starts.insert(first) }
                    previousLine = line.kind
                } else {
                    previousLine = .blank
                }
            }
            let scalar = text[index]
            if !text.isSpace(index) { sawContent = true }
            if scalar == "\n" {
                lineStart = true
                index += 1
                continue
            }
            if Self.terminators.contains(scalar), index >= markerEnd {
                let unitStart = starts.filter { $0 <= index }.max() ?? 0
                let (next, boundary) = boundaryAfterTerminator(at: index, unitStart: unitStart, quotes: quotes)
                if let boundary { starts.insert(boundary) }
                index = max(next, index + 1)
                continue
            }
            index += 1
        }
        return starts.sorted()
    }

    // MARK: Lines

    enum LineKind {
        case first, blank, heading, listItem(markerEnd: Int), text

        /// A heading or list item line starts a unit of its own.
        var isOwnUnit: Bool {
            switch self {
            case .heading, .listItem: return true
            default: return false
            }
        }

        /// After a blank line or a heading, the next line starts a unit.
        var forcesBreak: Bool {
            switch self {
            case .blank, .heading: return true
            default: return false
            }
        }
    }

    /// The kind of the line starting at `index` and its first non-blank scalar.
    private func lineKind(at index: Int) -> (kind: LineKind, firstContent: Int?) {
        var first = index
        while first < text.count, text[first] != "\n", text.isSpace(first) { first += 1 }
        guard first < text.count, text[first] != "\n" else { return (.blank, nil) }
        // A heading: 1-6 '#' and a space.
        var hashes = first
        while hashes < text.count, text[hashes] == "#" { hashes += 1 }
        if hashes > first, hashes - first <= 6, hashes == text.count || text[hashes] == " " {
            return (.heading, first)
        }
        // A bullet: '-', '*', '+' or '•' and a space.
        if ["-", "*", "+", "•"].contains(text[first]), first + 1 < text.count, text[first + 1] == " " {
            return (.listItem(markerEnd: first + 1), first)
        }
        // An ordered item: 1-9 digits, '.' or ')', a space.
        var digits = first
        while digits < text.count, text.isDigit(digits) { digits += 1 }
        if digits > first, digits - first <= 9, digits + 1 < text.count,
            text[digits] == "." || text[digits] == ")", text[digits + 1] == " "
        {
            return (.listItem(markerEnd: digits + 1), first)
        }
        return (.text, first)
    }

    // MARK: Terminators

    /// Looks at the terminator at `index`: returns the index after its
    /// cluster (marks and closers) and, if the sentence ends there, the
    /// index where the next one starts.
    private func boundaryAfterTerminator(
        at index: Int, unitStart: Int, quotes: QuotationSpans
    ) -> (next: Int, boundary: Int?) {
        var after = index
        while after < text.count, Self.terminators.contains(text[after]) { after += 1 }
        let marks = index..<after
        while after < text.count, Self.closers.contains(text[after]) { after += 1 }
        // Inside a quotation that goes on after the closers: no end.
        guard !quotes.encloses(index, until: after) else { return (after, nil) }
        // The sentence goes on unless white space follows.
        guard after < text.count, text.isSpace(after) else { return (after, nil) }
        var next = after
        while next < text.count, text.isSpace(next) { next += 1 }
        guard next < text.count else { return (after, nil) }
        // A lowercase word goes on the sentence.
        var word = next
        while word < text.count, Self.openers.contains(text[word]) { word += 1 }
        if word < text.count, text[word].properties.isLowercase { return (after, nil) }
        let isEllipsis = text[marks.lowerBound] == "…" || marks.count > 1 && marks.allSatisfy { text[$0] == "." }
        if isEllipsis {
            // "[…]" and "(...)" mark an omission, not an end.
            if index > 0, text[index - 1] == "[" || text[index - 1] == "(" { return (after, nil) }
            // An ellipsis that opens a unit ("… Niemand wusste es.") does not end it.
            if (unitStart..<index).allSatisfy({ text.isSpace($0) }) { return (after, nil) }
            return (after, next)
        }
        if marks.count == 1, text[index] == ".", !periodEndsSentence(at: index, nextWord: word) {
            return (after, nil)
        }
        return (after, next)
    }

    /// Whether a single period at `index`, before a capitalised word at
    /// `nextWord`, ends a sentence: not after an abbreviation, an initial or
    /// an ordinal number.
    private func periodEndsSentence(at index: Int, nextWord: Int) -> Bool {
        var wordStart = index
        while text.isLetter(wordStart - 1) { wordStart -= 1 }
        if wordStart < index {
            let parts = abbreviationParts(endingAt: index, lastStart: wordStart)
            return letterWordEndsSentence(parts: parts, beforeDigit: text.isDigit(nextWord))
        }
        var numberStart = index
        while text.isDigit(numberStart - 1) { numberStart -= 1 }
        guard numberStart < index, !text.isLetter(numberStart - 1), !text.isDigit(numberStart - 1) else { return true }
        return !isOrdinal(digits: index - numberStart, numberStart: numberStart, nextWord: nextWord)
    }

    /// The letter runs before each period of a possible multi-part
    /// abbreviation ending at the period `index`: `["i", "d", "R"]` for
    /// `i. d. R.`. Parts are separated by a period and at most one space.
    private func abbreviationParts(endingAt index: Int, lastStart: Int) -> [String] {
        var parts = [text.string(lastStart..<index)]
        var cursor = lastStart
        while cursor > 0 {
            var dot = cursor - 1
            if text[dot] == " " || text[dot] == "\u{A0}" { dot -= 1 }
            guard dot >= 1, text[dot] == "." else { break }
            var start = dot
            while text.isLetter(start - 1) { start -= 1 }
            guard start < dot else { break }
            parts.insert(text.string(start..<dot), at: 0)
            cursor = start
        }
        return parts
    }

    private func letterWordEndsSentence(parts: [String], beforeDigit: Bool) -> Bool {
        switch GermanAbbreviations.kind(of: parts)?.kind {
        case .inner: return false
        case .mayEnd: return true
        case .beforeNumber: return !beforeDigit
        case nil: break
        }
        // A single letter is an initial or part of an abbreviation (M., e.).
        guard let last = parts.last else { return true }
        return last.unicodeScalars.count > 1
    }

    /// Whether the number of `digits` digits at `numberStart`, followed by
    /// a period, is an ordinal: before a month or an ordinal noun, or after
    /// an article or preposition such as `am`, `zur`, `die`.
    private func isOrdinal(digits: Int, numberStart: Int, nextWord: Int) -> Bool {
        guard digits <= 3 else { return false }
        var wordEnd = nextWord
        while text.isLetter(wordEnd) { wordEnd += 1 }
        let next = text.string(nextWord..<wordEnd)
        if GermanAbbreviations.months.contains(next) || GermanAbbreviations.ordinalNouns.contains(next) {
            return true
        }
        var end = numberStart
        while end > 0, text[end - 1] == " " || text[end - 1] == "\u{A0}" { end -= 1 }
        var start = end
        while text.isLetter(start - 1) { start -= 1 }
        guard start < end else { return false }
        return GermanAbbreviations.ordinalLeaders.contains(text.string(start..<end).lowercased())
    }
}
