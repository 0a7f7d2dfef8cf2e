/// Which lines count as "function" lines for the text after a hunk header
/// (`@@ -1,3 +1,4 @@ <function line>`).
public enum FunctionContext: Sendable, Hashable {
    /// No text after the hunk header.
    case none
    /// git's built-in default: a line starting with a letter, `_` or `$`.
    case gitDefault
    /// Markdown headings (`#` to `######` after at most three spaces,
    /// followed by a blank), as git's `markdown` diff driver.
    case markdown

    /// Longest function text git shows, in bytes.
    static let maximumLength = 80

    /// Whether `line` (terminator included or not) is a function line.
    public func matches(_ line: ArraySlice<UInt8>) -> Bool {
        switch self {
        case .none:
            return false
        case .gitDefault:
            guard let first = line.first else { return false }
            return (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || first == 0x5F
                || first == 0x24
        case .markdown:
            var index = line.startIndex
            var spaces = 0
            while index < line.endIndex && line[index] == 0x20 && spaces < 4 { spaces += 1; index += 1 }
            if spaces > 3 { return false }
            var hashes = 0
            while index < line.endIndex && line[index] == 0x23 { hashes += 1; index += 1 }
            guard hashes >= 1 && hashes <= 6, index < line.endIndex else { return false }
            return line[index] == 0x20 || line[index] == 0x09
        }
    }

    /// The text git appends to a hunk header for `line`: at most 80 bytes,
    /// without the terminator and without trailing white space; then, as
    /// git cuts the whole header line before its first byte that does not
    /// start a complete, valid UTF-8 character (a character split by the
    /// 80-byte cut, or Latin-1 text), everything from that byte on is
    /// dropped (white space before it stays).
    static func headerText(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.endIndex
        if end > line.startIndex && line[end - 1] == 0x0A { end -= 1 }
        end = min(end, line.startIndex + maximumLength)
        while end > line.startIndex && isSpace(line[end - 1]) { end -= 1 }
        return line[line.startIndex..<UTF8Prefix.validEnd(line[line.startIndex..<end])]
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
