/// Histogram diff, placed as git places it. In each region, every line of
/// the new side whose content occurs on the old side is tried as the seed
/// of a common run: each old occurrence (skipping those inside the run just
/// found) is grown backwards and forwards while lines stay equal. A run's
/// *rarity* is the smallest old-side occurrence count among its lines
/// (counted in the region). A run replaces the best one so far when it is
/// longer, or rarer; seeds whose content is more common than the best
/// rarity so far are not tried. The best run is kept as matched and the
/// parts before and after it are handled the same way.
///
/// Lines occurring more than `maxChain` times on the old side never seed a
/// run; a region whose common lines are all that frequent goes to Myers
/// (with git's preparation, `MyersDiff.run`), and a region without any
/// common line is changed as a whole.
///
/// Time roughly O(N log N) on typical text; O(N·maxChain) per level worst case.
enum HistogramDiff {
    static let maxChain: Int32 = 64

    /// Marks changed elements of `a` and `b` in `changedA` / `changedB`;
    /// `alphabet` is one more than the largest id.
    static func run(
        _ a: [Int32], _ b: [Int32], alphabet: Int, changedA: inout [Bool], changedB: inout [Bool]
    ) {
        var index = HistogramIndex(alphabet: alphabet, oldCount: a.count)
        var stack: [(Int, Int, Int, Int)] = [(0, a.count, 0, b.count)]
        while let (lo1, hi1, lo2, hi2) = stack.popLast() {
            if lo1 == hi1 || lo2 == hi2 {
                for i in lo1..<hi1 { changedA[i] = true }
                for j in lo2..<hi2 { changedB[j] = true }
                continue
            }
            switch index.bestRun(a, b, lo1, hi1, lo2, hi2) {
            case .noCommonLine:
                for i in lo1..<hi1 { changedA[i] = true }
                for j in lo2..<hi2 { changedB[j] = true }
            case .tooFrequent:
                MyersDiff.run(
                    a[lo1..<hi1], b[lo2..<hi2], changedA: &changedA, changedB: &changedB, minimal: false,
                    alphabet: alphabet)
            case .run(let oldRun, let newRun):
                stack.append((oldRun.upperBound, hi1, newRun.upperBound, hi2))
                stack.append((lo1, oldRun.lowerBound, lo2, newRun.lowerBound))
            }
        }
    }
}
