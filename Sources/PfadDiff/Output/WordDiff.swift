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
        for hunk in Hunk.group(
            diff.script, context: options.context, interHunkContext: options.interHunkContext,
            functionLines: options.functionLines(diff)) {
            writer.out += hunk.rangeHeader
            if let function = finder.find(before: hunk.oldStart) {
                writer.out.append(0x20)
                writer.out += FunctionContext.headerText(function)
            }
            writer.out.append(0x0A)
            var newLine = hunk.newStart
            for chunk in hunk.chunks {
                while newLine < chunk.newStart {
                    writer.context(diff.newLine(newLine))
                    newLine += 1
                }
                let minus = chunk.oldCount == 0 ? [] : Array(diff.old[diff.oldLines[chunk.oldStart].lowerBound..<diff.oldLines[chunk.oldEnd - 1].upperBound])
                let plus = chunk.newCount == 0 ? [] : Array(diff.new[diff.newLines[chunk.newStart].lowerBound..<diff.newLines[chunk.newEnd - 1].upperBound])
                block(minus: minus, plus: plus, tokenizer: tokenizer, algorithm: algorithm, writer: &writer)
                newLine = chunk.newEnd
            }
            while newLine < hunk.newStart + hunk.newCount {
                writer.context(diff.newLine(newLine))
                newLine += 1
            }
        }
        return writer.out
    }

    /// The word diff of one block of removed lines against its added lines.
    static func block(
        minus: [UInt8], plus: [UInt8], tokenizer: WordTokenizer, algorithm: DiffAlgorithm,
        writer: inout WordDiffWriter
    ) {
        for segment in segments(old: minus, new: plus, tokenizer: tokenizer, algorithm: algorithm) {
            switch segment {
            case let .common(text): writer.segment(text[...], kind: .common)
            case let .deleted(text): writer.segment(text[...], kind: .deleted)
            case let .added(text): writer.segment(text[...], kind: .added)
            }
        }
        writer.closeLine()
    }

    /// The word-level comparison of two texts as a list of segments, for
    /// callers that render changes themselves (the review UI): reading the
    /// `.common` and `.added` segments in order gives `new` exactly (except
    /// that text between words comes from `new`); `.deleted` segments hold
    /// removed words of `old` with the text between them. When `new` is
    /// empty, the whole of `old` is one deleted segment (as git shows it).
    /// Time: one word diff of the two texts.
    public static func segments(
        old: [UInt8], new: [UInt8], tokenizer: WordTokenizer = .prose, algorithm: DiffAlgorithm = .myers
    ) -> [WordSegment] {
        if new.isEmpty { return old.isEmpty ? [] : [.deleted(old)] }
        let minusWords = tokenizer.words(old[...])
        let plusWords = tokenizer.words(new[...])
        var interner = LineInterner(expected: minusWords.count + plusWords.count)
        let minusIDs = interner.intern(old, ranges: minusWords)
        let plusIDs = interner.intern(new, ranges: plusWords)
        let script = EditScript.compute(old: minusIDs, new: plusIDs, algorithm: algorithm, alphabet: interner.count)
        var result: [WordSegment] = []
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
            if plusBegin > current { result.append(.common(Array(new[current..<plusBegin]))) }
            if chunk.oldCount > 0 {
                let begin = minusWords[chunk.oldStart].lowerBound
                let end = minusWords[chunk.oldEnd - 1].upperBound
                result.append(.deleted(Array(old[begin..<end])))
            }
            if chunk.newCount > 0 { result.append(.added(Array(new[plusBegin..<plusEnd]))) }
            current = max(current, plusEnd)
        }
        if current < new.count { result.append(.common(Array(new[current...]))) }
        return result
    }
}

/// One piece of a word-level comparison (see `WordDiff.segments`).
public enum WordSegment: Sendable, Hashable {
    /// Text present on both sides (taken from the new side).
    case common([UInt8])
    /// Words removed from the old side.
    case deleted([UInt8])
    /// Words added on the new side.
    case added([UInt8])
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
