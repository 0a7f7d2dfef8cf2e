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

    /// Splits both contents into lines and compares them. Time as the
    /// chosen algorithm plus O(bytes) for hashing the lines.
    public init(old: [UInt8], new: [UInt8], algorithm: DiffAlgorithm = .myers) {
        self.old = old
        self.new = new
        oldLines = LineSplitter.lineRanges(old)
        newLines = LineSplitter.lineRanges(new)
        var interner = LineInterner(expected: oldLines.count + newLines.count)
        let oldIDs = interner.intern(old, ranges: oldLines)
        let newIDs = interner.intern(new, ranges: newLines)
        script = EditScript.compute(old: oldIDs, new: newIDs, algorithm: algorithm, alphabet: interner.count)
    }

    /// The bytes of old line `index`.
    public func oldLine(_ index: Int) -> ArraySlice<UInt8> { old[oldLines[index]] }
    /// The bytes of new line `index`.
    public func newLine(_ index: Int) -> ArraySlice<UInt8> { new[newLines[index]] }
}
