/// Patience diff (Bram Cohen's idea), placed as git places it: in each
/// region, the lines that occur exactly once on each side are matched by a
/// longest increasing subsequence and act as anchors. Equal lines are then
/// grown backwards from each anchor and forwards from the start of each gap,
/// and every gap is handled the same way. A region without any line common
/// to both sides is changed as a whole; a region with common lines but no
/// unique ones goes to Myers (with git's preparation, `MyersDiff.run`).
/// Unlike Myers, no equal ends are trimmed first: uniqueness counts the
/// whole region.
///
/// Time O(N log N) for the anchors plus the Myers fallbacks; space O(N+M).
enum PatienceDiff {
    /// An anchor candidate: the single old position and the single new one.
    private struct Entry {
        var old: Int
        var new: Int
    }

    /// Marks changed elements of `a` and `b` in `changedA` / `changedB`.
    static func run(_ a: [Int32], _ b: [Int32], alphabet: Int, changedA: inout [Bool], changedB: inout [Bool]) {
        // Per id: index into `entries` while a region is examined, else -1.
        var slot = [Int32](repeating: -1, count: alphabet)
        var stack: [(Int, Int, Int, Int)] = [(0, a.count, 0, b.count)]
        while let (lo1, hi1, lo2, hi2) = stack.popLast() {
            if lo1 == hi1 || lo2 == hi2 {
                for i in lo1..<hi1 { changedA[i] = true }
                for j in lo2..<hi2 { changedB[j] = true }
                continue
            }
            let (anchors, hasCommon) = uniqueAnchors(a, b, lo1, hi1, lo2, hi2, slot: &slot)
            if !hasCommon {
                for i in lo1..<hi1 { changedA[i] = true }
                for j in lo2..<hi2 { changedB[j] = true }
                continue
            }
            if anchors.isEmpty {
                MyersDiff.run(
                    a[lo1..<hi1], b[lo2..<hi2], changedA: &changedA, changedB: &changedB, minimal: false,
                    alphabet: alphabet)
                continue
            }
            stack += gaps(a, b, anchors, lo1, hi1, lo2, hi2)
        }
    }

    /// The regions between the anchors, after growing the equal lines
    /// backwards from each anchor and forwards from each gap's start;
    /// runs of adjacent anchors form one matched block.
    private static func gaps(
        _ a: [Int32], _ b: [Int32], _ anchors: [Entry], _ lo1: Int, _ hi1: Int, _ lo2: Int, _ hi2: Int
    ) -> [(Int, Int, Int, Int)] {
        var result: [(Int, Int, Int, Int)] = []
        var line1 = lo1, line2 = lo2
        var k = 0
        while true {
            var next1 = hi1, next2 = hi2
            if k < anchors.count {
                next1 = anchors[k].old
                next2 = anchors[k].new
                while next1 > line1 && next2 > line2 && a[next1 - 1] == b[next2 - 1] {
                    next1 -= 1
                    next2 -= 1
                }
            }
            while line1 < next1 && line2 < next2 && a[line1] == b[line2] {
                line1 += 1
                line2 += 1
            }
            if next1 > line1 || next2 > line2 { result.append((line1, next1, line2, next2)) }
            if k == anchors.count { return result }
            while k + 1 < anchors.count && anchors[k + 1].old == anchors[k].old + 1
                && anchors[k + 1].new == anchors[k].new + 1
            {
                k += 1
            }
            line1 = anchors[k].old + 1
            line2 = anchors[k].new + 1
            k += 1
        }
    }

    /// The anchors of a region (in increasing order on both sides) and
    /// whether the two sides have any line in common at all.
    // swiftlint:disable:next function_parameter_count
    private static func uniqueAnchors(
        _ a: [Int32], _ b: [Int32], _ lo1: Int, _ hi1: Int, _ lo2: Int, _ hi2: Int, slot: inout [Int32]
    ) -> ([Entry], Bool) {
        let repeated = -2, absent = -1
        // Entries in order of their old position; `new` is absent, repeated or the position.
        var entries: [Entry] = []
        for i in lo1..<hi1 {
            let id = Int(a[i])
            if slot[id] < 0 {
                slot[id] = Int32(entries.count)
                entries.append(Entry(old: i, new: absent))
            } else {
                entries[Int(slot[id])].new = repeated
            }
        }
        var hasCommon = false
        for j in lo2..<hi2 {
            let index = Int(slot[Int(b[j])])
            guard index >= 0 else { continue }
            hasCommon = true
            entries[index].new = entries[index].new == absent ? j : repeated
        }
        for i in lo1..<hi1 { slot[Int(a[i])] = -1 }
        // Longest chain increasing on the new side (patience sorting):
        // `tails[k]` ends the best chain of length k + 1 found so far.
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: entries.count)
        for (index, entry) in entries.enumerated() where entry.new >= 0 {
            var low = -1, high = tails.count
            while low + 1 < high {
                let middle = low + (high - low) / 2
                if entries[tails[middle]].new > entry.new { high = middle } else { low = middle }
            }
            if low >= 0 { previous[index] = tails[low] }
            if low + 1 == tails.count { tails.append(index) } else { tails[low + 1] = index }
        }
        var chain: [Entry] = []
        var k = tails.last ?? -1
        while k >= 0 {
            chain.append(entries[k])
            k = previous[k]
        }
        return (chain.reversed(), hasCommon)
    }
}
