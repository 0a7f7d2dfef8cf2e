/// Histogram diff: in each region, find the longest common run that
/// contains the rarest lines (fewest occurrences on the old side), keep it
/// as matched, and handle the parts before and after it the same way.
/// Lines occurring more than `maxChain` times never anchor; regions
/// without any usable anchor fall back to Myers.
///
/// Good for prose: rare sentences anchor the match, so common lines such as
/// blank lines or list markers do not pull unrelated paragraphs together.
/// Time roughly O(N log N) on typical text; O(N·maxChain) per level worst case.
enum HistogramDiff {
    static let maxChain = 64

    /// Marks changed elements of `a` and `b` in `changedA` / `changedB`;
    /// `alphabet` is one more than the largest id.
    static func run(
        _ a: [Int32], _ b: [Int32], alphabet: Int, changedA: inout [Bool], changedB: inout [Bool]
    ) {
        var counts = [Int32](repeating: 0, count: alphabet)
        var heads = [Int](repeating: -1, count: alphabet)
        var nextOccurrence = [Int](repeating: -1, count: a.count)
        var stack: [(Int, Int, Int, Int)] = [(0, a.count, 0, b.count)]
        while let (lo1Start, hi1Start, lo2Start, hi2Start) = stack.popLast() {
            var lo1 = lo1Start, hi1 = hi1Start, lo2 = lo2Start, hi2 = hi2Start
            while lo1 < hi1 && lo2 < hi2 && a[lo1] == b[lo2] { lo1 += 1; lo2 += 1 }
            while lo1 < hi1 && lo2 < hi2 && a[hi1 - 1] == b[hi2 - 1] { hi1 -= 1; hi2 -= 1 }
            if lo1 == hi1 || lo2 == hi2 {
                for i in lo1..<hi1 { changedA[i] = true }
                for j in lo2..<hi2 { changedB[j] = true }
                continue
            }
            for i in stride(from: hi1 - 1, through: lo1, by: -1) {
                let id = Int(a[i])
                nextOccurrence[i] = heads[id]
                heads[id] = i
                counts[id] += 1
            }
            var best: (Int, Int, Int, Int)?
            var bestRarity = Int32(maxChain + 1)
            var j = lo2
            while j < hi2 {
                let id = Int(b[j])
                var nextJ = j + 1
                if counts[id] > 0 && counts[id] <= bestRarity {
                    var i = heads[id]
                    while i != -1 {
                        var as1 = i, bs1 = j, ae1 = i + 1, be1 = j + 1
                        var rarity = counts[id]
                        while as1 > lo1 && bs1 > lo2 && a[as1 - 1] == b[bs1 - 1] {
                            as1 -= 1; bs1 -= 1
                            rarity = min(rarity, counts[Int(a[as1])])
                        }
                        while ae1 < hi1 && be1 < hi2 && a[ae1] == b[be1] {
                            rarity = min(rarity, counts[Int(a[ae1])])
                            ae1 += 1; be1 += 1
                        }
                        if nextJ < be1 { nextJ = be1 }
                        let length = ae1 - as1
                        if best.map({ length > $0.1 - $0.0 }) ?? true || rarity < bestRarity {
                            best = (as1, ae1, bs1, be1)
                            bestRarity = rarity
                        }
                        var k = nextOccurrence[i]
                        while k != -1 && k < ae1 { k = nextOccurrence[k] }
                        i = k
                    }
                }
                j = nextJ
            }
            for i in lo1..<hi1 {
                let id = Int(a[i])
                counts[id] = 0
                heads[id] = -1
            }
            guard let (as1, ae1, bs1, be1) = best else {
                RangeFallback.myers(a, b, lo1, hi1, lo2, hi2, changedA: &changedA, changedB: &changedB, alphabet: alphabet)
                continue
            }
            stack.append((ae1, hi1, be1, hi2))
            stack.append((lo1, as1, lo2, bs1))
        }
    }
}
