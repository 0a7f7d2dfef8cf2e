/// How a paragraph's lines are laid out.
public enum CorpusLayout: Sendable, Hashable, CustomStringConvertible {
    /// The whole paragraph on one line.
    case oneLine
    /// Hard-wrapped at a width (greedy, in characters).
    case wrapped(Int)
    /// Each sentence on a line of its own.
    case sentencePerLine

    public var description: String {
        switch self {
        case .oneLine: return "one-line"
        case let .wrapped(width): return "wrapped-\(width)"
        case .sentencePerLine: return "sentence-per-line"
        }
    }

    /// The white space before each token (the first gets none).
    func gaps(_ tokens: [String]) -> [String] {
        var gaps: [String] = []
        var lineLength = 0
        for (index, token) in tokens.enumerated() {
            if index == 0 {
                gaps.append("")
                lineLength = token.count
                continue
            }
            switch self {
            case .oneLine:
                gaps.append(" ")
            case .sentencePerLine:
                gaps.append(tokens[index - 1].hasSuffix(".") ? "\n" : " ")
            case let .wrapped(width):
                if lineLength + 1 + token.count > width {
                    gaps.append("\n")
                    lineLength = token.count
                } else {
                    gaps.append(" ")
                    lineLength += 1 + token.count
                }
            }
        }
        return gaps
    }
}

/// A run of prose as tokens (space-separated words, punctuation attached)
/// with the white space before each: edits change tokens in place and
/// keep the gaps of the tokens they do not touch.
public struct CorpusProse: Sendable, Hashable {
    var tokens: [String]
    var gaps: [String]

    init(_ text: String, layout: CorpusLayout) {
        tokens = text.split(separator: " ").map(String.init)
        gaps = layout.gaps(tokens)
    }

    var text: String {
        var out = ""
        for (gap, token) in zip(gaps, tokens) { out += gap + token }
        return out
    }

    /// Token ranges of the sentences (a token ending in `.` ends one).
    var sentences: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.hasSuffix(".") {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    /// Tokens made of letters only that are neither the first nor the
    /// last of their sentence.
    var plainPositions: [Int] {
        sentences.flatMap { range in
            range.dropFirst().dropLast().filter { tokens[$0].allSatisfy(\.isLetter) }
        }
    }

    mutating func relayout(_ layout: CorpusLayout) { gaps = layout.gaps(tokens) }

    mutating func replace(_ index: Int, with word: String) { tokens[index] = word }

    /// Inserts words after token `index`, each after a space.
    mutating func insert(_ words: [String], after index: Int) {
        tokens.insert(contentsOf: words, at: index + 1)
        gaps.insert(contentsOf: Array(repeating: " ", count: words.count), at: index + 1)
    }

    /// Removes tokens `range` (not the first token) with the gaps before them.
    mutating func delete(_ range: Range<Int>) {
        if range.lowerBound == 0 {
            tokens.removeSubrange(range)
            gaps.removeSubrange(1..<(range.upperBound + 1))
            if !gaps.isEmpty { gaps[0] = "" }
        } else {
            tokens.removeSubrange(range)
            gaps.removeSubrange(range)
        }
    }

    /// Inserts a sentence after sentence `index`; `gap` goes before it.
    mutating func insertSentence(_ sentence: String, after index: Int, gap: String) {
        let words = sentence.split(separator: " ").map(String.init)
        let end = sentences[index].upperBound
        tokens.insert(contentsOf: words, at: end)
        gaps.insert(contentsOf: [gap] + Array(repeating: " ", count: words.count - 1), at: end)
    }
}

/// One block of a corpus guide.
public struct CorpusBlock: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case heading(Int), paragraph, item }
    /// A name that stays with the block through edits and moves.
    var id: Int
    var kind: Kind
    var prose: CorpusProse

    var text: String {
        switch kind {
        case let .heading(level): return String(repeating: "#", count: level) + " " + prose.text
        case .paragraph: return prose.text
        case .item: return "- " + prose.text
        }
    }
}

/// A guide of the corpus as a model: front matter entries and blocks.
/// `text` writes it; edits change the model, so an expected result is
/// built by applying both sides' edits to the base model.
public struct CorpusDocument: Sendable, Hashable {
    enum Value: Sendable, Hashable {
        case string(String)
        case list([String])
    }
    var frontMatter: [(key: String, value: Value)]
    var blocks: [CorpusBlock]

    public static func == (a: CorpusDocument, b: CorpusDocument) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The guide file.
    public var text: String {
        var out = "---\n"
        for (key, value) in frontMatter {
            switch value {
            case let .string(text): out += "\(key): \(text)\n"
            case let .list(items): out += "\(key):\n" + items.map { "  - \($0)\n" }.joined()
            }
        }
        out += "---\n"
        for (index, block) in blocks.enumerated() {
            if index > 0 { out += block.kind == .item && blocks[index - 1].kind == .item ? "\n" : "\n\n" }
            out += block.text
        }
        return out + "\n"
    }

    func index(of id: Int) -> Int? { blocks.firstIndex { $0.id == id } }

    /// Applies `edit` to the prose of block `id`.
    mutating func edit(_ id: Int, _ edit: (inout CorpusProse) -> Void) {
        guard let index = index(of: id) else { return }
        edit(&blocks[index].prose)
    }

    /// Moves blocks `ids` (in their order) to after block `target` (nil: the start).
    mutating func move(_ ids: [Int], after target: Int?) {
        let moving = ids.compactMap { id in blocks.first { $0.id == id } }
        blocks.removeAll { ids.contains($0.id) }
        let position = target.flatMap { index(of: $0) }.map { $0 + 1 } ?? 0
        blocks.insert(contentsOf: moving, at: position)
    }

    mutating func delete(_ id: Int) { blocks.removeAll { $0.id == id } }

    mutating func insert(_ block: CorpusBlock, after target: Int) {
        guard let index = index(of: target) else { return }
        blocks.insert(block, at: index + 1)
    }

    mutating func set(_ key: String, _ value: Value) {
        if let index = frontMatter.firstIndex(where: { $0.key == key }) {
            frontMatter[index].value = value
        } else {
            frontMatter.append((key, value))
        }
    }

    func value(_ key: String) -> Value? { frontMatter.first { $0.key == key }?.value }
}
