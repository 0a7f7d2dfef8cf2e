/// Three-way text merge with git merge-file's results: both sides are
/// diffed against the base; changes that do not overlap or touch are both
/// taken; overlapping changes become conflicts unless identical.
///
/// With the `merge` and `zdiff3` styles conflicts are narrowed as git's
/// default (zealous, alnum) level does: lines both sides share are moved
/// out of conflicts, and conflicts at most three lines apart, or separated
/// only by lines without letters or digits, are joined into one.
///
/// Time: three line diffs, O(N·D) each; space O(N).
public enum ThreeWayMerge {
    /// Merges `current` and `other`, both derived from `base`.
    public static func merge(
        base: [UInt8], current: [UInt8], other: [UInt8], options: MergeOptions = MergeOptions()
    ) -> MergeResult {
        var table = MergeLineTable()
        let baseLines = table.add(base)
        let oursLines = table.add(current)
        let theirsLines = table.add(other)
        let baseIDs = baseLines.map { table.ids[$0] }
        let oursIDs = oursLines.map { table.ids[$0] }
        let theirsIDs = theirsLines.map { table.ids[$0] }
        let ours = EditScript.compute(old: baseIDs, new: oursIDs, algorithm: options.algorithm, alphabet: table.alphabet)
        let theirs = EditScript.compute(old: baseIDs, new: theirsIDs, algorithm: options.algorithm, alphabet: table.alphabet)
        var pieces = MergeSweep.pieces(
            base: baseLines, ours: oursLines, theirs: theirsLines, oursScript: ours, theirsScript: theirs,
            sameLine: { table.ids[$0] == table.ids[$1] })
        switch options.style {
        case .merge:
            pieces = MergeRefinement.narrow(pieces, table: table, algorithm: options.algorithm, trimOnly: false)
            pieces = MergeRefinement.joinNearby(pieces, table: table)
        case .zdiff3:
            pieces = MergeRefinement.narrow(pieces, table: table, algorithm: options.algorithm, trimOnly: true)
        case .diff3:
            break
        }
        return MergeWriter.write(pieces, table: table, options: options)
    }
}

/// All lines of the three inputs, with ids that are equal for equal lines.
struct MergeLineTable {
    private var interner = LineInterner()
    /// Line id per global line index.
    var ids: [Int32] = []
    /// Bytes per global line index.
    var lines: [ArraySlice<UInt8>] = []

    /// Adds the lines of `bytes`; returns their global indices.
    mutating func add(_ bytes: [UInt8]) -> [Int] {
        let ranges = LineSplitter.lineRanges(bytes)
        let newIDs = interner.intern(bytes, ranges: ranges)
        let first = ids.count
        ids += newIDs
        lines += ranges.map { bytes[$0] }
        return Array(first..<ids.count)
    }

    var alphabet: Int { interner.count }
}
