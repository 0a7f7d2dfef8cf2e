/// Options for rendering hunks.
public struct UnifiedDiffOptions: Sendable, Hashable {
    /// Unchanged lines shown around each change (`-U<n>`, default 3).
    public var context: Int
    /// Which lines label hunk headers.
    public var functionContext: FunctionContext
    /// Extra unchanged lines that may separate changes in one hunk
    /// (`--inter-hunk-context=<n>`, default 0).
    public var interHunkContext: Int
    /// Prefix of old paths in headers (`a/`; `--src-prefix`, `--no-prefix`).
    public var oldPrefix: [UInt8]
    /// Prefix of new paths in headers (`b/`; `--dst-prefix`, `--no-prefix`).
    public var newPrefix: [UInt8]
    /// Quote paths in headers as git does (`PathQuote`); the value is
    /// `core.quotePath` (quote bytes ≥ 0x80 too). Nil: print paths raw.
    public var quotePaths: Bool? = nil

    /// Creates options (git's defaults).
    public init(
        context: Int = 3, functionContext: FunctionContext = .gitDefault, interHunkContext: Int = 0,
        oldPrefix: [UInt8] = Array("a/".utf8), newPrefix: [UInt8] = Array("b/".utf8)
    ) {
        self.context = context
        self.functionContext = functionContext
        self.interHunkContext = interHunkContext
        self.oldPrefix = oldPrefix
        self.newPrefix = newPrefix
    }
}

/// Renders the hunks of a `TextDiff` in git's unified format (the part
/// after the `---`/`+++` header lines).
public enum UnifiedDiff {
    static let noNewline = Array("\\ No newline at end of file\n".utf8)

    /// The hunk text of `diff`; empty when the contents are equal. O(output).
    public static func render(_ diff: TextDiff, options: UnifiedDiffOptions = UnifiedDiffOptions()) -> [UInt8] {
        var out: [UInt8] = []
        var finder = FunctionLineFinder(diff: diff, context: options.functionContext)
        for hunk in Hunk.group(diff.script, context: options.context, interHunkContext: options.interHunkContext) {
            out.append(contentsOf: hunk.rangeHeader)
            if let function = finder.find(before: hunk.oldStart) {
                out.append(0x20)
                out.append(contentsOf: FunctionContext.headerText(function))
            }
            out.append(0x0A)
            var oldLine = hunk.oldStart
            for chunk in hunk.chunks {
                while oldLine < chunk.oldStart {
                    appendLine(&out, prefix: 0x20, diff.oldLine(oldLine))
                    oldLine += 1
                }
                for i in chunk.oldStart..<chunk.oldEnd { appendLine(&out, prefix: 0x2D, diff.oldLine(i)) }
                for j in chunk.newStart..<chunk.newEnd { appendLine(&out, prefix: 0x2B, diff.newLine(j)) }
                oldLine = chunk.oldEnd
            }
            while oldLine < hunk.oldStart + hunk.oldCount {
                appendLine(&out, prefix: 0x20, diff.oldLine(oldLine))
                oldLine += 1
            }
        }
        return out
    }

    static func appendLine(_ out: inout [UInt8], prefix: UInt8, _ line: ArraySlice<UInt8>) {
        out.append(prefix)
        out.append(contentsOf: line)
        if line.last != 0x0A {
            out.append(0x0A)
            out.append(contentsOf: noNewline)
        }
    }
}

/// Finds the nearest function line above a position, remembering the last
/// search so that scanning a whole file stays O(lines).
struct FunctionLineFinder {
    let diff: TextDiff
    let context: FunctionContext
    private var searchedUpTo = 0
    private var lastFound: Int?

    init(diff: TextDiff, context: FunctionContext) {
        self.diff = diff
        self.context = context
    }

    /// The last function line strictly before old line `position`.
    mutating func find(before position: Int) -> ArraySlice<UInt8>? {
        if context == .none { return nil }
        var found: Int?
        var index = position - 1
        while index >= searchedUpTo {
            if context.matches(diff.oldLine(index)) {
                found = index
                break
            }
            index -= 1
        }
        if found == nil { found = lastFound }
        searchedUpTo = max(searchedUpTo, position)
        lastFound = found
        return found.map { diff.oldLine($0) }
    }
}
