import PfadDiff

/// A check that no edit got lost: every word a side added (more copies
/// than the base has) must be in the merged text at least that often.
///
/// A merge that takes both sides' changes gives, for every word, the
/// base's count plus what either side added minus what either side
/// removed — never fewer than a side added — and a conflict shows both
/// sides whole. A result that fails the check is not used; the guide
/// merge then falls back to the line merge.
enum WordCensus {
    /// Word counts of `text`.
    static func counts(_ text: [UInt8]) -> [ArraySlice<UInt8>: Int] {
        var counts: [ArraySlice<UInt8>: Int] = [:]
        for range in WordTokenizer.prose.words(text[...]) {
            counts[text[range], default: 0] += 1
        }
        return counts
    }

    /// Whether `merged` holds every word `ours` and `theirs` added to `base`.
    static func keepsAdditions(base: MergeVersion, ours: MergeVersion, theirs: MergeVersion, merged: [UInt8]) -> Bool {
        let baseCounts = base.wordCounts
        let mergedCounts = counts(merged)
        for side in [ours, theirs] {
            for (word, count) in side.wordCounts {
                let added = count - (baseCounts[word] ?? 0)
                if added > 0, (mergedCounts[word] ?? 0) < added { return false }
            }
        }
        return true
    }
}
