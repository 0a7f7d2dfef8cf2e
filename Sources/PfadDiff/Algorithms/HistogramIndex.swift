/// The occurrence table of one old-side region for `HistogramDiff`: how
/// often each content occurs in the region, where it first occurs, and
/// for each old line the next line with the same content. Reused across
/// regions (cleared after each), so repeated calls stay linear in the
/// region sizes.
struct HistogramIndex {
    /// What `bestRun` found in a region.
    enum Outcome: Equatable {
        /// The sides have no line in common.
        case noCommonLine
        /// Every common line occurs more than `HistogramDiff.maxChain` times
        /// on the old side: the region goes to Myers.
        case tooFrequent
        /// The chosen common run: its old and new lines.
        case run(Range<Int>, Range<Int>)
    }

    /// Per id: occurrences in the current old region (0 outside one).
    private var counts: [Int32]
    /// Per id: first old position in the current region, or -1.
    private var first: [Int32]
    /// Per old position: the next position in the region with the same content, or -1.
    private var nextSame: [Int32]

    /// An empty index for ids below `alphabet` and `oldCount` old lines.
    init(alphabet: Int, oldCount: Int) {
        counts = [Int32](repeating: 0, count: alphabet)
        first = [Int32](repeating: -1, count: alphabet)
        nextSame = [Int32](repeating: -1, count: oldCount)
    }

    /// Chooses the common run of the region `lo1..<hi1` × `lo2..<hi2`
    /// (see `HistogramDiff` for the rule). Time O(region · tried occurrences).
    // swiftlint:disable:next function_body_length function_parameter_count
    mutating func bestRun(
        _ a: [Int32], _ b: [Int32], _ lo1: Int, _ hi1: Int, _ lo2: Int, _ hi2: Int
    ) -> Outcome {
        for i in stride(from: hi1 - 1, through: lo1, by: -1) {
            let id = Int(a[i])
            nextSame[i] = first[id]
            first[id] = Int32(i)
            counts[id] += 1
        }
        defer {
            for i in lo1..<hi1 {
                let id = Int(a[i])
                counts[id] = 0
                first[id] = -1
            }
        }
        // Rarity a seed may have at most; starts above the chain limit.
        var limit = HistogramDiff.maxChain + 1
        var hasCommon = false
        var best: (old: ClosedRange<Int>, new: ClosedRange<Int>)?
        var j = lo2
        while j < hi2 {
            var nextJ = j + 1
            let count = counts[Int(b[j])]
            if count > 0 { hasCommon = true }
            if count > 0 && count <= limit {
                var occurrence = Int(first[Int(b[j])])
                while true {
                    let following = Int(nextSame[occurrence])
                    var s1 = occurrence, s2 = j, e1 = occurrence, e2 = j
                    var rarity = count
                    while s1 > lo1 && s2 > lo2 && a[s1 - 1] == b[s2 - 1] {
                        s1 -= 1
                        s2 -= 1
                        if rarity > 1 { rarity = min(rarity, counts[Int(a[s1])]) }
                    }
                    while e1 < hi1 - 1 && e2 < hi2 - 1 && a[e1 + 1] == b[e2 + 1] {
                        e1 += 1
                        e2 += 1
                        if rarity > 1 { rarity = min(rarity, counts[Int(a[e1])]) }
                    }
                    if nextJ <= e2 { nextJ = e2 + 1 }
                    // The first run found competes with a length of one line.
                    let bestSpan = best.map { $0.old.upperBound - $0.old.lowerBound } ?? 0
                    if bestSpan < e1 - s1 || rarity < limit {
                        best = (s1...e1, s2...e2)
                        limit = rarity
                    }
                    var candidate = following
                    while candidate >= 0 && candidate <= e1 { candidate = Int(nextSame[candidate]) }
                    if candidate < 0 { break }
                    occurrence = candidate
                }
            }
            j = nextJ
        }
        // A run made only of lines above the chain limit (possible when it is
        // longer than one line) does not count: the region goes to Myers.
        if hasCommon && limit > HistogramDiff.maxChain { return .tooFrequent }
        if let best {
            return .run(
                best.old.lowerBound..<(best.old.upperBound + 1), best.new.lowerBound..<(best.new.upperBound + 1))
        }
        return .noCommonLine
    }
}
