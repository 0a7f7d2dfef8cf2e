/// A line diff of two byte contents: their lines and the edit script
/// between them.
public struct TextDiff: Sendable {
    /// The old content.
    public let old: [UInt8]
    /// The new content.
    public let new: [UInt8]
    /// Byte ranges of the old lines (terminators included).
    public let oldLines: [Range<Int>]
    /// Byte ranges of the new lines.
    public let newLines: [Range<Int>]
    /// The changes, in line numbers (0-based).
    public let script: EditScript

    /// Splits both contents into lines and compares them (through
    /// `whitespace` keys). `indentHeuristic` (git's default,
    /// `diff.indentHeuristic`) places ambiguous change groups by the
    /// indentation and blank lines around them. Time as the chosen algorithm
    /// plus O(bytes) for hashing the lines.
    public init(
        old: [UInt8], new: [UInt8], algorithm: DiffAlgorithm = .myers, whitespace: WhitespaceMode = .exact,
        indentHeuristic: Bool = true
    ) {
        self.old = old
        self.new = new
        oldLines = LineSplitter.lineRanges(old)
        newLines = LineSplitter.lineRanges(new)
        var interner = LineInterner(expected: oldLines.count + newLines.count)
        let oldIDs: [Int32]
        let newIDs: [Int32]
        if whitespace == .exact {
            oldIDs = interner.intern(old, ranges: oldLines)
            newIDs = interner.intern(new, ranges: newLines)
        } else {
            oldIDs = Self.normalisedIDs(old, oldLines, whitespace, &interner)
            newIDs = Self.normalisedIDs(new, newLines, whitespace, &interner)
        }
        let indentation =
            indentHeuristic
            ? LineIndentation(old: old, oldLines: oldLines, new: new, newLines: newLines) : nil
        script = EditScript.compute(
            old: oldIDs, new: newIDs, algorithm: algorithm, alphabet: interner.count, indentation: indentation)
    }

    private static func normalisedIDs(
        _ bytes: [UInt8], _ lines: [Range<Int>], _ mode: WhitespaceMode, _ interner: inout LineInterner
    ) -> [Int32] {
        var keys: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lines.count)
        for line in lines {
            let key = mode.key(bytes[line])
            ranges.append(keys.count..<(keys.count + key.count))
            keys += key
        }
        return interner.intern(keys, ranges: ranges)
    }

    /// The bytes of old line `index`.
    public func oldLine(_ index: Int) -> ArraySlice<UInt8> { old[oldLines[index]] }
    /// The bytes of new line `index`.
    public func newLine(_ index: Int) -> ArraySlice<UInt8> { new[newLines[index]] }
}
