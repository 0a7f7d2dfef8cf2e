/// Writes the lines of one front-matter key in block style, quoting every
/// scalar that a YAML 1.1 or 1.2 reader could take for anything but a
/// string (numbers, dates, `yes`/`no`/`on`/`off`, `null`, …).
enum YAMLWriter {
    /// `key: value` lines, each ending in a newline.
    static func entry(key: String, value: FrontMatterValue) -> [UInt8] {
        var out = ""
        write(key: key, value: value, indent: 0, into: &out)
        return Array(out.utf8)
    }

    /// Whether `key` can be written without quotes.
    static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        } && !isReservedWord(key)
    }

    private static func write(key: String, value: FrontMatterValue, indent: Int, into out: inout String) {
        write(lead: (isPlainKey(key) ? key : quoted(key)) + ":", value: value, indent: indent, into: &out)
    }

    private static func write(item: FrontMatterValue, indent: Int, into out: inout String) {
        write(lead: "-", value: item, indent: indent, into: &out)
    }

    /// One mapping entry (`lead` is `name:`) or list item (`lead` is `-`):
    /// a scalar or empty collection on the same line, a non-empty one
    /// indented below.
    private static func write(lead: String, value: FrontMatterValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case let .string(text):
            out += "\(pad)\(lead) \(scalar(text))\n"
        case let .list(items) where items.isEmpty:
            out += "\(pad)\(lead) []\n"
        case let .mapping(pairs) where pairs.isEmpty:
            out += "\(pad)\(lead) {}\n"
        case let .list(items):
            out += "\(pad)\(lead)\n"
            for item in items { write(item: item, indent: indent + 2, into: &out) }
        case let .mapping(pairs):
            out += "\(pad)\(lead)\n"
            for pair in pairs { write(key: pair.key, value: pair.value, indent: indent + 2, into: &out) }
        }
    }

    /// `text` plain when that is unambiguous, else double-quoted.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// Plain only for text that starts with a letter, holds letters,
    /// digits, spaces and `- . , ( ) / ' + _`, does not end in a space and
    /// is no word a YAML reader turns into a boolean or null.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic,
            text.unicodeScalars.last != " "
        else { return false }
        let allowed: Set<Unicode.Scalar> = [" ", "-", ".", ",", "(", ")", "/", "'", "+", "_"]
        let charactersOK = text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || allowed.contains($0)
        }
        return charactersOK && !isReservedWord(text)
    }

    /// YAML 1.1 booleans and nulls, which some readers still apply.
    private static func isReservedWord(_ text: String) -> Bool {
        let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return words.contains(text.lowercased())
    }

    /// `text` in double quotes with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
