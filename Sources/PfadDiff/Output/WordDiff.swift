/// Word-diff presentation (`--word-diff=plain|porcelain`).
public enum WordDiffFormat: String, Sendable, Hashable {
    /// `[-deleted-]{+added+}` inline.
    case plain
    /// One segment per line with ` `, `-`, `+` prefixes and `~` for newlines.
    case porcelain
}

/// Renders hunks as a word diff, as git's `--word-diff`: each run of
/// changed lines is split into words on both sides, the word sequences are
/// diffed, and the new text is shown with deleted and added words marked.
/// Text between words is taken from the new side.
public enum WordDiff {
    /// The hunk text of `diff` in word-diff form. O(output) plus one word
    /// diff per changed block.
    public static func render(
        _ diff: TextDiff, options: UnifiedDiffOptions = UnifiedDiffOptions(),
        format: WordDiffFormat = .plain, tokenizer: WordTokenizer = .prose,
        algorithm: DiffAlgorithm = .myers
    ) -> [UInt8] {
        var writer = WordDiffWriter(format: format)
        var finder = FunctionLineFinder(diff: diff, context: options.functionContext)
        for hunk in Hunk.group(diff.script, context: options.context, interHunkContext: options.interHunkContext) {
            writer.out += hunk.rangeHeader
            if let function = finder.find(before: hunk.oldStart) {
                writer.out.append(0x20)
                writer.out += FunctionContext.headerText(function)
            }
            writer.out.append(0x0A)
            var oldLine = hunk.oldStart
            for chunk in hunk.chunks {
                while oldLine < chunk.oldStart {
                    writer.context(diff.oldLine(oldLine))
                    oldLine += 1
                }
                let minus = chunk.oldCount == 0 ? [] : Array(diff.old[diff.oldLines[chunk.oldStart].lowerBound..<diff.oldLines[chunk.oldEnd - 1].upperBound])
                let plus = chunk.newCount == 0 ? [] : Array(diff.new[diff.newLines[chunk.newStart].lowerBound..<diff.newLines[chunk.newEnd - 1].upperBound])
                block(minus: minus, plus: plus, tokenizer: tokenizer, algorithm: algorithm, writer: &writer)
                oldLine = chunk.oldEnd
            }
            while oldLine < hunk.oldStart + hunk.oldCount {
                writer.context(diff.oldLine(oldLine))
                oldLine += 1
            }
        }
        return writer.out
    }

    /// The word diff of one block of removed lines against its added lines.
    static func block(
        minus: [UInt8], plus: [UInt8], tokenizer: WordTokenizer, algorithm: DiffAlgorithm,
        writer: inout WordDiffWriter
    ) {
        if plus.isEmpty {
            // Lines only removed: git shows the whole removed text.
            writer.segment(minus[...], kind: .deleted)
            writer.closeLine()
            return
        }
        let minusWords = tokenizer.words(minus[...])
        let plusWords = tokenizer.words(plus[...])
        var interner = LineInterner(expected: minusWords.count + plusWords.count)
        let minusIDs = interner.intern(minus, ranges: minusWords)
        let plusIDs = interner.intern(plus, ranges: plusWords)
        let script = EditScript.compute(old: minusIDs, new: plusIDs, algorithm: algorithm, alphabet: interner.count)
        var current = 0
        for chunk in script.chunks {
            let plusBegin: Int
            let plusEnd: Int
            if chunk.newCount > 0 {
                plusBegin = plusWords[chunk.newStart].lowerBound
                plusEnd = plusWords[chunk.newEnd - 1].upperBound
            } else {
                plusBegin = chunk.newStart > 0 ? plusWords[chunk.newStart - 1].upperBound : 0
                plusEnd = plusBegin
            }
            writer.segment(plus[current..<max(current, plusBegin)], kind: .common)
            if chunk.oldCount > 0 {
                let begin = minusWords[chunk.oldStart].lowerBound
                let end = minusWords[chunk.oldEnd - 1].upperBound
                writer.segment(minus[begin..<end], kind: .deleted)
            }
            if chunk.newCount > 0 { writer.segment(plus[plusBegin..<plusEnd], kind: .added) }
            current = max(current, plusEnd)
        }
        writer.segment(plus[current...], kind: .common)
        writer.closeLine()
    }
}

/// Accumulates word-diff output.
struct WordDiffWriter {
    enum Kind { case common, deleted, added }

    let format: WordDiffFormat
    var out: [UInt8] = []
    /// Whether the current output line has content not yet ended by a newline.
    private var lineOpen = false

    init(format: WordDiffFormat) { self.format = format }

    mutating func context(_ line: ArraySlice<UInt8>) {
        var body = line
        if body.last == 0x0A { body = body.dropLast() }
        if format == .porcelain {
            out.append(0x20)
            out += body
            out += Array("\n~\n".utf8)
        } else {
            out += body
            out.append(0x0A)
        }
        lineOpen = false
    }

    mutating func segment(_ text: ArraySlice<UInt8>, kind: Kind) {
        var start = text.startIndex
        while start <= text.endIndex {
            var end = start
            while end < text.endIndex && text[end] != 0x0A { end += 1 }
            piece(text[start..<end], kind: kind)
            if end < text.endIndex {
                newline()
                start = end + 1
            } else {
                break
            }
        }
    }

    private mutating func piece(_ text: ArraySlice<UInt8>, kind: Kind) {
        guard !text.isEmpty else { return }
        switch format {
        case .plain:
            switch kind {
            case .common: out += text
            case .deleted: out += Array("[-".utf8) + text + Array("-]".utf8)
            case .added: out += Array("{+".utf8) + text + Array("+}".utf8)
            }
            lineOpen = true
        case .porcelain:
            out.append(kind == .common ? 0x20 : (kind == .deleted ? 0x2D : 0x2B))
            out += text
            out.append(0x0A)
            lineOpen = true
        }
    }

    private mutating func newline() {
        out += format == .porcelain ? Array("~\n".utf8) : [0x0A]
        lineOpen = false
    }

    /// Ends a block whose text did not end with a newline.
    mutating func closeLine() {
        if lineOpen { newline() }
    }
}
