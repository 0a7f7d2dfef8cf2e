/// Splits German prose into sentence units with byte ranges. Pure Swift,
/// no dictionary beyond `GermanAbbreviations`.
///
/// A unit ends after `.`, `!`, `?`, `…` or `...` (with closing quotes,
/// brackets and emphasis markers that follow directly) when white space
/// and then a word that does not start with a lowercase letter follow —
/// unless the period belongs to an abbreviation (`z. B.`, `Nr.`), an
/// initial (`M.`), or an ordinal number (`am 3. Oktober`, `20. Jh.`), or
/// the mark stands inside a quotation (`„…“`, `»…«`, `"…"`) that closes
/// later in the text. A blank line, a list item line (`- `, `* `, `+ `,
/// `1. `, `1) `) and a heading line (`# `) always start a unit of their
/// own; a heading line also ends one. A colon never ends a unit by itself.
/// The rules with examples: Spec/guides.md, "Sentences". O(n) in the
/// length of the text.
public struct SentenceSplitter: Sendable {
    /// The splitter with the built-in German rules.
    public init() {}

    /// The sentence units of `text`, in order, with ranges in `text`'s
    /// indices. They cover `text` exactly; an empty text has none.
    public func split(_ text: ArraySlice<UInt8>) -> [Sentence] {
        let scalars = ScalarText(text)
        guard !scalars.isEmpty else { return [] }
        var starts = SentenceRules(scalars).unitStarts()
        starts.insert(0, at: 0)
        var result: [Sentence] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : scalars.count
            var contentStart = start
            while contentStart < end, scalars.isSpace(contentStart) { contentStart += 1 }
            var contentEnd = end
            while contentEnd > contentStart, scalars.isSpace(contentEnd - 1) { contentEnd -= 1 }
            let lower = number == 0 ? text.startIndex : scalars.start(of: start)
            let upper = number + 1 < starts.count ? scalars.start(of: end) : text.endIndex
            // A unit of white space only has empty content at its start.
            let content =
                contentEnd > contentStart
                ? scalars.start(of: contentStart)..<scalars.end(of: contentEnd - 1) : lower..<lower
            result.append(Sentence(range: lower..<upper, content: content))
        }
        return result
    }

    /// The sentence units of `text`.
    public func split(_ text: [UInt8]) -> [Sentence] {
        split(text[...])
    }

    /// The sentences of `text` as strings, without surrounding white space.
    public func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return split(bytes).map { String(decoding: bytes[$0.content], as: UTF8.self) }
    }
}
