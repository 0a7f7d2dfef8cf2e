/// Myers' difference algorithm ("An O(ND) Difference Algorithm and Its
/// Variations", 1986) in its linear-space form: find the middle snake of a
/// box by searching forward and backward at once, then split there.
///
/// `run` first applies git's preparation (`LinePreparation`). Without
/// `minimal`, git's two bounds apply: past cost 256 a split at a diagonal
/// that made much progress and ends in 20 equal lines, and at a cost of
/// max(256, √(N+M) rounded to a power of two) a split at the
/// furthest-reaching point. This bounds the time on huge, very different
/// inputs at the price of a possibly longer (still correct) edit script.
///
/// Time O((N+M)·D) (bounded as above), space O(N+M).
enum MyersDiff {
    /// Marks changed elements of `a` and `b` (indices `a.indices` and
    /// `b.indices`) in `changedA` and `changedB`.
    static func run(
        _ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>,
        changedA: inout [Bool], changedB: inout [Bool], minimal: Bool, alphabet: Int
    ) {
        // As git: equal ends set aside, lines that cannot help marked changed
        // up front; only the kept lines are searched.
        let prepared = LinePreparation(a, b, alphabet: alphabet, changedA: &changedA, changedB: &changedB)
        let reducedA = prepared.keptA.map { a[$0] }
        let reducedB = prepared.keptB.map { b[$0] }
        var marksA = [Bool](repeating: false, count: reducedA.count)
        var marksB = [Bool](repeating: false, count: reducedB.count)
        runDirect(reducedA, reducedB, changedA: &marksA, changedB: &marksB, minimal: minimal)
        for (k, changed) in marksA.enumerated() where changed { changedA[prepared.keptA[k]] = true }
        for (k, changed) in marksB.enumerated() where changed { changedB[prepared.keptB[k]] = true }
    }

    /// The core search on whole arrays, without the preparation.
    static func runDirect(
        _ a: [Int32], _ b: [Int32], changedA: inout [Bool], changedB: inout [Bool], minimal: Bool
    ) {
        let n = a.count
        let m = b.count
        let offset = m + 1
        var forward = [Int](repeating: 0, count: n + m + 3)
        var backward = [Int](repeating: 0, count: n + m + 3)
        // A power-of-two estimate of √(N+M), at least 256.
        let maxCost = minimal ? Int.max : max(256, LinePreparation.roughSquareRoot(n + m + 3))
        var stack: [(Int, Int, Int, Int, Bool)] = [(0, n, 0, m, minimal)]
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                forward.withUnsafeMutableBufferPointer { vf in
                    backward.withUnsafeMutableBufferPointer { vb in
                        while let (lo1Start, hi1Start, lo2Start, hi2Start, needMinimal) = stack.popLast() {
                            var lo1 = lo1Start, hi1 = hi1Start, lo2 = lo2Start, hi2 = hi2Start
                            while lo1 < hi1 && lo2 < hi2 && pa[lo1] == pb[lo2] { lo1 += 1; lo2 += 1 }
                            while lo1 < hi1 && lo2 < hi2 && pa[hi1 - 1] == pb[hi2 - 1] { hi1 -= 1; hi2 -= 1 }
                            if lo1 == hi1 {
                                for j in lo2..<hi2 { changedB[j] = true }
                                continue
                            }
                            if lo2 == hi2 {
                                for i in lo1..<hi1 { changedA[i] = true }
                                continue
                            }
                            let split = middleSnake(
                                pa, pb, lo1, hi1, lo2, hi2, vf: vf, vb: vb, offset: offset,
                                maxCost: needMinimal ? Int.max : maxCost)
                            let (x, y) = (split.x, split.y)
                            if (x == lo1 && y == lo2) || (x == hi1 && y == hi2) {
                                // Cannot make progress (should not happen): give up on the box.
                                for i in lo1..<hi1 { changedA[i] = true }
                                for j in lo2..<hi2 { changedB[j] = true }
                                continue
                            }
                            stack.append((x, hi1, y, hi2, split.minimalHigh || needMinimal))
                            stack.append((lo1, x, lo2, y, split.minimalLow || needMinimal))
                        }
                    }
                }
            }
        }
    }

    struct Split {
        var x: Int
        var y: Int
        var minimalLow: Bool
        var minimalHigh: Bool
    }

    // swiftlint:disable:next function_body_length function_parameter_count
    private static func middleSnake(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int,
        vf: UnsafeMutableBufferPointer<Int>, vb: UnsafeMutableBufferPointer<Int>,
        offset: Int, maxCost: Int
    ) -> Split {
        let dmin = off1 - lim2
        let dmax = lim1 - off2
        let fmid = off1 - off2
        let bmid = lim1 - lim2
        let odd = ((fmid - bmid) & 1) != 0
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        vf[fmid + offset] = off1
        vb[bmid + offset] = lim1
        var ec = 1
        while true {
            var gotSnake = false
            // Forward pass.
            if fmin > dmin { fmin -= 1; vf[fmin - 1 + offset] = -1 } else { fmin += 1 }
            if fmax < dmax { fmax += 1; vf[fmax + 1 + offset] = -1 } else { fmax -= 1 }
            var d = fmax
            while d >= fmin {
                var i1: Int
                if vf[d - 1 + offset] >= vf[d + 1 + offset] {
                    i1 = vf[d - 1 + offset] + 1
                } else {
                    i1 = vf[d + 1 + offset]
                }
                var i2 = i1 - d
                let before = i1
                while i1 < lim1 && i2 < lim2 && a[i1] == b[i2] { i1 += 1; i2 += 1 }
                if i1 - before > snakeLength { gotSnake = true }
                vf[d + offset] = i1
                if odd && bmin <= d && d <= bmax && vb[d + offset] <= i1 {
                    return Split(x: i1, y: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            // Backward pass.
            if bmin > dmin { bmin -= 1; vb[bmin - 1 + offset] = Int.max } else { bmin += 1 }
            if bmax < dmax { bmax += 1; vb[bmax + 1 + offset] = Int.max } else { bmax -= 1 }
            d = bmax
            while d >= bmin {
                var i1: Int
                if vb[d - 1 + offset] < vb[d + 1 + offset] {
                    i1 = vb[d - 1 + offset]
                } else {
                    i1 = vb[d + 1 + offset] - 1
                }
                var i2 = i1 - d
                let before = i1
                while i1 > off1 && i2 > off2 && a[i1 - 1] == b[i2 - 1] { i1 -= 1; i2 -= 1 }
                if before - i1 > snakeLength { gotSnake = true }
                vb[d + offset] = i1
                if !odd && fmin <= d && d <= fmax && i1 <= vf[d + offset] {
                    return Split(x: i1, y: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            if maxCost != Int.max && gotSnake && ec > heuristicMinimumCost,
                let split = bigSnakeSplit(
                    a, b, off1, lim1, off2, lim2, fmin: fmin, fmax: fmax, bmin: bmin, bmax: bmax,
                    fmid: fmid, bmid: bmid, cost: ec, vf: vf, vb: vb, offset: offset)
            {
                return split
            }
            if ec >= maxCost {
                return costCapSplit(
                    off1, lim1, off2, lim2, fmin: fmin, fmax: fmax, bmin: bmin, bmax: bmax,
                    vf: vf, vb: vb, offset: offset)
            }
            ec += 1
        }
    }

    /// Snakes longer than this make a diagonal a candidate for an early split.
    static let snakeLength = 20
    /// Below this cost the search always continues to the middle snake.
    static let heuristicMinimumCost = 256

    /// The "big snake" heuristic (after GNU diff): once the search is
    /// expensive, split at a diagonal that has made much progress and ends
    /// in a run of at least `snakeLength` matching lines, if there is one.
    // swiftlint:disable:next function_parameter_count
    private static func bigSnakeSplit(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int,
        fmin: Int, fmax: Int, bmin: Int, bmax: Int, fmid: Int, bmid: Int, cost: Int,
        vf: UnsafeMutableBufferPointer<Int>, vb: UnsafeMutableBufferPointer<Int>, offset: Int
    ) -> Split? {
        var best = 0
        var found: Split?
        var d = fmax
        while d >= fmin {
            let x = vf[d + offset]
            let y = x - d
            let progress = (x - off1) + (y - off2) - abs(d - fmid)
            if progress > 4 * cost && progress > best && off1 + snakeLength <= x && x < lim1
                && off2 + snakeLength <= y && y < lim2
            {
                var k = 1
                while k <= snakeLength && a[x - k] == b[y - k] { k += 1 }
                if k > snakeLength {
                    best = progress
                    found = Split(x: x, y: y, minimalLow: true, minimalHigh: false)
                }
            }
            d -= 2
        }
        if found != nil { return found }
        d = bmax
        while d >= bmin {
            let x = vb[d + offset]
            let y = x - d
            let progress = (lim1 - x) + (lim2 - y) - abs(d - bmid)
            if progress > 4 * cost && progress > best && off1 < x && x <= lim1 - snakeLength
                && off2 < y && y <= lim2 - snakeLength
            {
                var k = 0
                while k < snakeLength && a[x + k] == b[y + k] { k += 1 }
                if k == snakeLength {
                    best = progress
                    found = Split(x: x, y: y, minimalLow: false, minimalHigh: true)
                }
            }
            d -= 2
        }
        return found
    }

    // swiftlint:disable:next function_parameter_count
    private static func costCapSplit(
        _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int,
        fmin: Int, fmax: Int, bmin: Int, bmax: Int,
        vf: UnsafeMutableBufferPointer<Int>, vb: UnsafeMutableBufferPointer<Int>, offset: Int
    ) -> Split {
        var fbest = -1
        var fx = off1, fy = off2
        var d = fmax
        while d >= fmin {
            var i1 = min(vf[d + offset], lim1)
            var i2 = i1 - d
            if i2 > lim2 { i1 = lim2 + d; i2 = lim2 }
            if fbest < i1 + i2 { fbest = i1 + i2; fx = i1; fy = i2 }
            d -= 2
        }
        var bbest = Int.max
        var bx = lim1, by = lim2
        d = bmax
        while d >= bmin {
            var i1 = max(off1, vb[d + offset])
            var i2 = i1 - d
            if i2 < off2 { i1 = off2 + d; i2 = off2 }
            if i1 + i2 < bbest { bbest = i1 + i2; bx = i1; by = i2 }
            d -= 2
        }
        if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
            return Split(x: fx, y: fy, minimalLow: true, minimalHigh: false)
        }
        return Split(x: bx, y: by, minimalLow: false, minimalHigh: true)
    }
}
