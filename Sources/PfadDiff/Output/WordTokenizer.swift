/// Splits text into the words `--word-diff` compares. Text between words
/// (white space, or anything a pattern does not match) is not compared.
public struct WordTokenizer: Sendable {
    enum Kind: Sendable {
        case whitespace
        case prose
        case pattern(String)
    }

    let kind: Kind

    /// git's default: runs of non-white-space bytes.
    public static let whitespace = WordTokenizer(kind: .whitespace)

    /// pfad's default for prose: Unicode letters and digits form words
    /// (umlauts and ß included); hyphens and apostrophes inside a word keep
    /// compounds such as `Rad-Wanderweg` or `Nord-Süd` together, and a
    /// suspended hyphen (`Rad-` in `Rad- und Wanderweg`) stays on its word;
    /// every other visible character (punctuation) is a word of its own.
    public static let prose = WordTokenizer(kind: .prose)

    /// Words are the matches of a regular expression (`--word-diff-regex`),
    /// searched line by line. Throws `DiffError.invalidPattern` when the
    /// pattern does not compile.
    public static func pattern(_ pattern: String) throws -> WordTokenizer {
        do {
            _ = try Regex(pattern)
        } catch {
            throw DiffError.invalidPattern(pattern)
        }
        return WordTokenizer(kind: .pattern(pattern))
    }

    /// The byte ranges of the words of `text`, in order. O(n) for the
    /// built-in splitters.
    public func words(_ text: ArraySlice<UInt8>) -> [Range<Int>] {
        switch kind {
        case .whitespace: return Self.whitespaceWords(text)
        case .prose: return ProseWords.split(text)
        case let .pattern(pattern): return Self.patternWords(text, pattern: pattern)
        }
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C || b == 0x0D
    }

    static func whitespaceWords(_ text: ArraySlice<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = text.startIndex
        while i < text.endIndex {
            while i < text.endIndex && isSpace(text[i]) { i += 1 }
            let start = i
            while i < text.endIndex && !isSpace(text[i]) { i += 1 }
            if i > start { result.append(start..<i) }
        }
        return result
    }

    static func patternWords(_ text: ArraySlice<UInt8>, pattern: String) -> [Range<Int>] {
        guard let regex = try? Regex(pattern) else { return whitespaceWords(text) }
        var result: [Range<Int>] = []
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            var lineEnd = lineStart
            while lineEnd < text.endIndex && text[lineEnd] != 0x0A { lineEnd += 1 }
            let line = text[lineStart..<lineEnd]
            guard let string = String(validating: line, as: UTF8.self) else {
                result += whitespaceWords(line)
                lineStart = lineEnd + 1
                continue
            }
            for match in string.matches(of: regex) where !match.range.isEmpty {
                let lower = string.utf8.distance(from: string.startIndex, to: match.range.lowerBound)
                let upper = string.utf8.distance(from: string.startIndex, to: match.range.upperBound)
                result.append((lineStart + lower)..<(lineStart + upper))
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}

/// The prose splitter behind `WordTokenizer.prose`.
enum ProseWords {
    static func split(_ text: ArraySlice<UInt8>) -> [Range<Int>] {
        // Decode scalars with their byte offsets.
        var scalars: [(Unicode.Scalar, Int, Int)] = []
        var iterator = text.makeIterator()
        var decoder = UTF8()
        var offset = text.startIndex
        var parsing = true
        while parsing {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                let length = scalar.utf8.count
                scalars.append((scalar, offset, offset + length))
                offset += length
            case .emptyInput:
                parsing = false
            case .error:
                scalars.append(("\u{FFFD}", offset, offset + 1))
                offset += 1
            }
        }
        func isWordChar(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
        }
        func isJoiner(_ s: Unicode.Scalar) -> Bool {
            s == "-" || s == "\u{2010}" || s == "'" || s == "\u{2019}"
        }
        var result: [Range<Int>] = []
        var k = 0
        while k < scalars.count {
            let (s, start, end) = scalars[k]
            if s.properties.isWhitespace {
                k += 1
                continue
            }
            guard isWordChar(s) else {
                result.append(start..<end)
                k += 1
                continue
            }
            var wordEnd = end
            k += 1
            while k < scalars.count {
                let c = scalars[k].0
                if isWordChar(c) {
                    wordEnd = scalars[k].2
                    k += 1
                } else if isJoiner(c) && k + 1 < scalars.count && isWordChar(scalars[k + 1].0) {
                    wordEnd = scalars[k + 1].2
                    k += 2
                } else if (c == "-" || c == "\u{2010}") && (k + 1 == scalars.count || scalars[k + 1].0.properties.isWhitespace) {
                    wordEnd = scalars[k].2
                    k += 1
                    break
                } else {
                    break
                }
            }
            result.append(start..<wordEnd)
        }
        return result
    }
}
