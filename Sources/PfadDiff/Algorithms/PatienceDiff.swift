/// Patience diff (Bram Cohen's idea): in each region, the lines that occur
/// exactly once on both sides are matched by a longest increasing
/// subsequence and act as anchors; the gaps between anchors are handled the
/// same way, and regions without unique lines fall back to Myers.
///
/// Time O(N log N) for the anchors plus the Myers fallbacks.
enum PatienceDiff {
    /// Marks changed elements of `a` and `b` in `changedA` / `changedB`.
    static func run(_ a: [Int32], _ b: [Int32], alphabet: Int, changedA: inout [Bool], changedB: inout [Bool]) {
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
            let anchors = uniqueAnchors(a, b, lo1, hi1, lo2, hi2)
            if anchors.isEmpty {
                RangeFallback.myers(a, b, lo1, hi1, lo2, hi2, changedA: &changedA, changedB: &changedB, alphabet: alphabet)
                continue
            }
            var previousA = lo1, previousB = lo2
            for (i, j) in anchors {
                stack.append((previousA, i, previousB, j))
                previousA = i + 1
                previousB = j + 1
            }
            stack.append((previousA, hi1, previousB, hi2))
        }
    }

    /// Pairs (i, j) of lines unique in both regions, in increasing order on
    /// both sides (longest such chain, by patience sorting).
    private static func uniqueAnchors(
        _ a: [Int32], _ b: [Int32], _ lo1: Int, _ hi1: Int, _ lo2: Int, _ hi2: Int
    ) -> [(Int, Int)] {
        // id -> (count in a, position in a, count in b, position in b)
        var table: [Int32: (Int, Int, Int, Int)] = [:]
        for i in lo1..<hi1 {
            let entry = table[a[i]] ?? (0, i, 0, -1)
            table[a[i]] = (entry.0 + 1, entry.1, entry.2, entry.3)
        }
        for j in lo2..<hi2 {
            guard let entry = table[b[j]] else { continue }
            table[b[j]] = (entry.0, entry.1, entry.2 + 1, j)
        }
        var pairs: [(Int, Int)] = []
        for (_, entry) in table where entry.0 == 1 && entry.2 == 1 {
            pairs.append((entry.1, entry.3))
        }
        if pairs.isEmpty { return [] }
        pairs.sort { $0.0 < $1.0 }
        // Longest increasing subsequence on the b positions.
        var tails: [Int] = []  // index into pairs
        var back = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { back[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var result: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            result.append(pairs[k])
            k = back[k]
        }
        return result.reversed()
    }
}

/// Runs Myers on a sub-box of two sequences (the fallback of the
/// anchor-based algorithms).
enum RangeFallback {
    // swiftlint:disable:next function_parameter_count
    static func myers(
        _ a: [Int32], _ b: [Int32], _ lo1: Int, _ hi1: Int, _ lo2: Int, _ hi2: Int,
        changedA: inout [Bool], changedB: inout [Bool], alphabet: Int
    ) {
        MyersDiff.run(
            a[lo1..<hi1], b[lo2..<hi2], changedA: &changedA, changedB: &changedB, minimal: false,
            alphabet: alphabet)
    }
}
