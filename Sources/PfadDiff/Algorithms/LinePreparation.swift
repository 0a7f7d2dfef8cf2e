/// The reduction git applies before its Myers search (and before the Myers
/// fallback of patience and histogram): lines equal at both ends are set
/// aside, and of the remaining lines, those that cannot help the search are
/// marked changed up front and left out of it.
///
/// A line is *left out* when the other side never contains it; a line whose
/// content occurs on the other side at least `limit` times (a rounded square
/// root of its own side's length, at most 1024) is left out too, but only
/// when it sits in a stretch of such lines that is mostly made of lines
/// without any match (see `isBuried`). Everything else is *kept* and searched.
/// Which lines are left out changes which common subsequence the search
/// finds, so the rules are git's to the letter (see Spec/diff.md).
///
/// Time O(N+M) (plus a bounded window of 100 lines per frequent line).
struct LinePreparation {
    /// Indices (into the slices) of the lines of `a` that take part in the search.
    var keptA: [Int] = []
    /// Indices (into the slices) of the lines of `b` that take part in the search.
    var keptB: [Int] = []

    /// Category of a line for the reduction.
    private enum Kind: UInt8 {
        /// The other side never has it.
        case unmatched = 0
        /// The other side has it fewer than `limit` times.
        case matched = 1
        /// The other side has it `limit` times or more.
        case frequent = 2
    }

    /// How far `isBuried` looks in each direction.
    private static let window = 100
    /// Upper bound of the frequency limit.
    private static let maximumLimit = 1024

    /// Prepares `a` against `b`; lines left out are set in `changedA` /
    /// `changedB` (indices of the whole arrays the slices come from).
    init(
        _ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, alphabet: Int,
        changedA: inout [Bool], changedB: inout [Bool]
    ) {
        let n = a.count, m = b.count
        let baseA = a.startIndex, baseB = b.startIndex
        // Equal lines at the start, then at the end (never overlapping the start).
        var start = 0
        let shorter = min(n, m)
        while start < shorter && a[baseA + start] == b[baseB + start] { start += 1 }
        var tail = 0
        while tail < shorter - start && a[baseA + n - 1 - tail] == b[baseB + m - 1 - tail] { tail += 1 }
        let endA = n - tail, endB = m - tail
        if start == endA && start == endB { return }
        // Occurrence counts over the whole slices (set-aside ends included).
        let countInB: (Int32) -> Int
        let countInA: (Int32) -> Int
        if (n + m) * 8 >= alphabet {
            var countsA = [Int32](repeating: 0, count: alphabet)
            var countsB = [Int32](repeating: 0, count: alphabet)
            for x in a { countsA[Int(x)] += 1 }
            for x in b { countsB[Int(x)] += 1 }
            let tableA = countsA, tableB = countsB
            countInA = { Int(tableA[Int($0)]) }
            countInB = { Int(tableB[Int($0)]) }
        } else {
            var countsA: [Int32: Int] = [:]
            var countsB: [Int32: Int] = [:]
            for x in a { countsA[x, default: 0] += 1 }
            for x in b { countsB[x, default: 0] += 1 }
            let tableA = countsA, tableB = countsB
            countInA = { tableA[$0] ?? 0 }
            countInB = { tableB[$0] ?? 0 }
        }
        keptA = Self.keep(
            a, base: baseA, range: start..<endA, limit: Self.limit(n), otherCount: countInB,
            changed: &changedA)
        keptB = Self.keep(
            b, base: baseB, range: start..<endB, limit: Self.limit(m), otherCount: countInA,
            changed: &changedB)
    }

    /// git's rounded square root: 2^⌈log4(n+1)⌉ (1 for 0), capped for the limit.
    static func roughSquareRoot(_ n: Int) -> Int {
        var result = 1
        var rest = n
        while rest > 0 {
            result <<= 1
            rest >>= 2
        }
        return result
    }

    private static func limit(_ count: Int) -> Int {
        min(roughSquareRoot(count), maximumLimit)
    }

    /// Classifies the lines in `range` and returns those kept; marks the
    /// others changed.
    private static func keep(
        _ lines: ArraySlice<Int32>, base: Int, range: Range<Int>, limit: Int, otherCount: (Int32) -> Int,
        changed: inout [Bool]
    ) -> [Int] {
        var kinds = [Kind](repeating: .matched, count: range.count)
        for i in range {
            let count = otherCount(lines[base + i])
            kinds[i - range.lowerBound] = count == 0 ? .unmatched : count >= limit ? .frequent : .matched
        }
        var kept: [Int] = []
        kept.reserveCapacity(range.count)
        for k in kinds.indices {
            let keepIt: Bool
            switch kinds[k] {
            case .matched: keepIt = true
            case .frequent: keepIt = !isBuried(kinds, k)
            case .unmatched: keepIt = false
            }
            if keepIt {
                kept.append(base + range.lowerBound + k)
            } else {
                changed[base + range.lowerBound + k] = true
            }
        }
        return kept
    }

    /// Whether the frequent line at `k` is left out: the nearest stretches
    /// before and after it made only of unmatched and frequent lines (at most
    /// `window` lines each way) must both contain an unmatched line, and
    /// the frequent lines must be less than a quarter of all lines counted,
    /// where this line is counted once for each stretch (as git does).
    private static func isBuried(_ kinds: [Kind], _ k: Int) -> Bool {
        let low = max(0, k - window)
        let high = min(kinds.count - 1, k + window)
        var unmatchedBefore = 0, frequentBefore = 1
        var i = k - 1
        while i >= low {
            if kinds[i] == .unmatched {
                unmatchedBefore += 1
            } else if kinds[i] == .frequent {
                frequentBefore += 1
            } else {
                break
            }
            i -= 1
        }
        if unmatchedBefore == 0 { return false }
        var unmatchedAfter = 0, frequentAfter = 1
        i = k + 1
        while i <= high {
            if kinds[i] == .unmatched {
                unmatchedAfter += 1
            } else if kinds[i] == .frequent {
                frequentAfter += 1
            } else {
                break
            }
            i += 1
        }
        if unmatchedAfter == 0 { return false }
        let unmatched = unmatchedBefore + unmatchedAfter
        let frequent = frequentBefore + frequentAfter
        return frequent * 4 < frequent + unmatched
    }
}
