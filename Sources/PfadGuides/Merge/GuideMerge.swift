import PfadDiff

/// The three-way merge for guides: front matter by key (lists by item),
/// the body by blocks aligned with move detection, then sentences, then
/// words. The rules: Spec/guide-merge.md.
///
/// Bytes nobody changed (front matter lines, the blank lines between
/// blocks, the final newline) are copied from the inputs, never written
/// anew. Conflicts use git's markers in the style of `options`, narrowed
/// to the sentence (or block, or front matter key) that holds the
/// disagreement. Inputs that are not readable as guides (broken front
/// matter, text outside every Markdown block) are merged line by line as
/// `git merge-file` does, and so is any merge whose result would hold a
/// word a side added fewer times than that side added it (`WordCensus`):
/// the last guard of "no edit is ever lost".
///
/// Pure and synchronous. Time: a block diff and, per block changed by
/// both sides, a word diff — about O(n·d) in the text's length n and the
/// number of changes d.
public enum GuideMerge {
    /// Merges `current` (ours) and `other` (theirs), both derived from
    /// `base`. The result's `conflicts` counts conflict blocks as
    /// `ThreeWayMerge` does.
    public static func merge(
        base: [UInt8], current: [UInt8], other: [UInt8], options: MergeOptions = MergeOptions()
    ) -> MergeResult {
        if current == other || other == base { return MergeResult(content: current, conflicts: 0) }
        if current == base { return MergeResult(content: other, conflicts: 0) }
        var words = LineInterner(expected: 4096)
        var keys: [ChunkKey: Int32] = [:]
        guard let baseVersion = try? MergeVersion(base, words: &words, keys: &keys),
            let oursVersion = try? MergeVersion(current, words: &words, keys: &keys),
            let theirsVersion = try? MergeVersion(other, words: &words, keys: &keys),
            baseVersion.chunksCoverBody, oursVersion.chunksCoverBody, theirsVersion.chunksCoverBody
        else {
            return ThreeWayMerge.merge(base: base, current: current, other: other, options: options)
        }
        var out = MergedText(options: options)
        FrontMatterMerge(base: baseVersion, ours: oursVersion, theirs: theirsVersion).write(into: &out)
        BodyMerge(
            base: baseVersion, ours: oursVersion, theirs: theirsVersion,
            oursAlignment: ChunkAlignment(base: baseVersion, side: oursVersion),
            theirsAlignment: ChunkAlignment(base: baseVersion, side: theirsVersion)
        ).write(into: &out)
        if options.favor == nil, !WordCensus.keepsAdditions(base: baseVersion, ours: oursVersion, theirs: theirsVersion, merged: out.bytes) {
            return ThreeWayMerge.merge(base: base, current: current, other: other, options: options)
        }
        return MergeResult(content: out.bytes, conflicts: out.conflicts)
    }

    /// Merges three strings (tests and tools).
    public static func merge(base: String, current: String, other: String, options: MergeOptions = MergeOptions()) -> MergeResult {
        merge(base: Array(base.utf8), current: Array(current.utf8), other: Array(other.utf8), options: options)
    }
}
