import Yams

extension FrontMatter {
    /// Splits a guide file into its front matter (nil when the file does
    /// not start with a `---` line) and the byte range of the Markdown body.
    ///
    /// Throws `GuideError` with the file's line number when the block is
    /// not closed, is not valid YAML, is not a mapping, repeats a key, or
    /// gives a known key a value of the wrong shape. O(n).
    public static func split(_ text: [UInt8]) throws -> (frontMatter: FrontMatter?, body: Range<Int>) {
        let lines = SourceLines(text)
        guard let first = lines.ranges.first, lines.isDelimiter(first, closing: false) else {
            return (nil, 0..<text.count)
        }
        var closingIndex: Int?
        for index in 1..<lines.ranges.count where lines.isDelimiter(lines.ranges[index], closing: true) {
            closingIndex = index
            break
        }
        guard let closingIndex else { throw GuideError.unterminatedFrontMatter(line: 1) }
        let yamlLines = Array(lines.ranges[1..<closingIndex])
        let entries = try parseEntries(text, lines: yamlLines)
        let leadingEnd = entries.first.map { lines.ranges[$0.lineIndex].lowerBound } ?? lines.ranges[closingIndex].lowerBound
        // Before the first key only blank lines and comments: a tag or an
        // anchor there belongs to the whole mapping, and removing a key
        // would leave it dangling (found by fuzzing).
        for index in 1..<closingIndex where lines.ranges[index].upperBound <= leadingEnd && !entries.isEmpty {
            let line = text[lines.ranges[index]]
            let first = line.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            guard isTrivia(line) || first == UInt8(ascii: "#") else {
                throw GuideError.invalidYAML(line: index + 1, column: 1, problem: "only blank lines and comments may come before the first key")
            }
        }
        let frontMatter = FrontMatter(
            opening: Array(text[first]),
            leading: Array(text[first.upperBound..<leadingEnd]),
            entries: entries.map(\.entry),
            closing: Array(text[lines.ranges[closingIndex]])
        )
        return (frontMatter, lines.ranges[closingIndex].upperBound..<text.count)
    }

    /// Parses the front matter of a guide given as a string.
    public static func split(_ text: String) throws -> (frontMatter: FrontMatter?, body: Range<Int>) {
        try split(Array(text.utf8))
    }

    /// A parsed entry and the index (into all lines of the file) of its key line.
    private struct LocatedEntry {
        var entry: FrontMatterEntry
        var lineIndex: Int
    }

    /// The entries of the YAML on `yamlLines` (file lines 2…).
    private static func parseEntries(_ text: [UInt8], lines yamlLines: [Range<Int>]) throws -> [LocatedEntry] {
        guard let firstLine = yamlLines.first, let lastLine = yamlLines.last else { return [] }
        let yamlBytes = text[firstLine.lowerBound..<lastLine.upperBound]
        guard let yaml = String(validating: yamlBytes, as: UTF8.self) else {
            let bad = yamlLines.firstIndex { String(validating: text[$0], as: UTF8.self) == nil } ?? 0
            throw GuideError.invalidYAML(line: bad + 2, column: 1, problem: "not valid UTF-8")
        }
        try checkLineBreaks(text, lines: yamlLines)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.guideError(error)
        }
        guard let root else { return [] }
        guard case let .mapping(mapping) = root else {
            throw GuideError.frontMatterNotAMapping(line: (root.mark?.line ?? 1) + 1)
        }
        // Top-level keys with their 0-based line in `yamlLines`.
        var keys: [(key: String, line: Int, value: Node)] = []
        for (keyNode, valueNode) in mapping {
            let line = (keyNode.mark?.line ?? 1) - 1
            // Yams counts lines as `yamlLines` does once stray breaks are
            // refused; a key elsewhere would slice outside the text.
            guard yamlLines.indices.contains(line) else {
                throw GuideError.invalidYAML(line: line + 2, column: keyNode.mark?.column ?? 1, problem: "key outside the front matter")
            }
            guard case let .scalar(scalar) = keyNode else { throw GuideError.invalidKey(line: line + 2) }
            // Edits add keys in column 1; under indented keys that would
            // no longer be YAML (found by fuzzing), so keys start there.
            if let column = keyNode.mark?.column, column != 1 {
                throw GuideError.invalidYAML(line: line + 2, column: column, problem: "top-level keys start in column 1")
            }
            if keys.contains(where: { $0.key == scalar.string }) {
                throw GuideError.duplicateKey(scalar.string, line: line + 2)
            }
            if let previous = keys.last, previous.line >= line {
                throw GuideError.invalidYAML(
                    line: line + 2, column: keyNode.mark?.column ?? 1,
                    problem: "write one top-level key per line, not a {…} mapping")
            }
            keys.append((scalar.string, line, valueNode))
        }
        var result: [LocatedEntry] = []
        for (number, key) in keys.enumerated() {
            let end = number + 1 < keys.count ? keys[number + 1].line : yamlLines.count
            var contentEnd = end
            while contentEnd > key.line + 1, isTrivia(text[yamlLines[contentEnd - 1]]) { contentEnd -= 1 }
            let value = try Self.value(key.value)
            try checkShape(key: key.key, value: value, line: key.line + 2)
            let entry = FrontMatterEntry(
                key: key.key, value: value, line: key.line + 2,
                source: Array(text[yamlLines[key.line].lowerBound..<yamlLines[contentEnd - 1].upperBound]),
                trailing: contentEnd < end ? Array(text[yamlLines[contentEnd].lowerBound..<yamlLines[end - 1].upperBound]) : []
            )
            result.append(LocatedEntry(entry: entry, lineIndex: key.line + 1))
        }
        return result
    }

    /// Refuses the line breaks YAML knows besides LF and CRLF (a lone CR,
    /// NEL U+0085, LS U+2028, PS U+2029): Yams would count lines other than
    /// the file's lines, and entries keep their source lines by number.
    static func checkLineBreaks(_ text: [UInt8], lines: [Range<Int>]) throws {
        for (number, range) in lines.enumerated() {
            let line = text[range]
            for index in line.indices {
                let byte = line[index]
                let next = index + 1 < range.upperBound ? line[index + 1] : nil
                let third = index + 2 < range.upperBound ? line[index + 2] : nil
                let stray = (byte == 0x0D && next != 0x0A)
                    || (byte == 0xC2 && next == 0x85)
                    || (byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9))
                if stray {
                    throw GuideError.invalidYAML(
                        line: number + 2, column: index - range.lowerBound + 1,
                        problem: "line break other than LF or CRLF")
                }
            }
        }
    }

    /// A blank line, or a comment starting in column 1: it separates keys
    /// rather than belonging to a value.
    static func isTrivia(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return true }
        if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") { return true }
        return line.first == UInt8(ascii: "#")
    }

    /// The value of a node, every scalar kept as its string.
    private static func value(_ node: Node) throws -> FrontMatterValue {
        switch node {
        case let .scalar(scalar):
            return .string(scalar.string)
        case let .sequence(sequence):
            return .list(try sequence.map(value))
        case let .mapping(mapping):
            var pairs: [FrontMatterValue.Pair] = []
            for (keyNode, valueNode) in mapping {
                guard case let .scalar(key) = keyNode else {
                    throw GuideError.invalidKey(line: (keyNode.mark?.line ?? 1) + 1)
                }
                pairs.append(FrontMatterValue.Pair(key: key.string, value: try value(valueNode)))
            }
            return .mapping(pairs)
        }
    }

    /// Checks that a known key holds what it should.
    static func checkShape(key: String, value: FrontMatterValue, line: Int) throws {
        if scalarKeys.contains(key), value.string == nil {
            throw GuideError.wrongValueType(key: key, line: line, expected: "a single value")
        }
        if listKeys.contains(key), value.strings == nil {
            throw GuideError.wrongValueType(key: key, line: line, expected: "a list of values")
        }
    }

    /// Yams' error as a `GuideError` with the file's line number (the YAML
    /// starts on line 2 of the file).
    private static func guideError(_ error: YamlError) -> GuideError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .invalidYAML(line: mark.line + 1, column: mark.column, problem: detail)
        case let .reader(problem, _, _, _):
            return .invalidYAML(line: 2, column: 1, problem: problem)
        default:
            return .invalidYAML(line: 2, column: 1, problem: error.description)
        }
    }
}
