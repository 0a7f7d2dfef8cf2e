/// Myers' difference algorithm ("An O(ND) Difference Algorithm and Its
/// Variations", 1986) in its linear-space form: find the middle snake of a
/// box by searching forward and backward at once, then split there.
///
/// Without `minimal`, the search in a box stops after a cost limit of
/// max(256, √(N+M)) edit steps and splits at the furthest-reaching
/// diagonal instead; this bounds the time on huge, very different inputs
/// at the price of a possibly longer (still correct) edit script.
///
/// Time O((N+M)·D) (bounded as above), space O(N+M).
enum MyersDiff {
    /// Marks changed elements of `a` and `b` (indices `a.indices` and
    /// `b.indices`) in `changedA` and `changedB`.
    static func run(
        _ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>,
        changedA: inout [Bool], changedB: inout [Bool], minimal: Bool
    ) {
        // Elements without any match on the other side are always changed;
        // leave them out of the search (fewer lines, same edit script size).
        var inB = Set<Int32>(minimumCapacity: b.count)
        for x in b { inB.insert(x) }
        var inA = Set<Int32>(minimumCapacity: a.count)
        for x in a { inA.insert(x) }
        var reducedA: [Int32] = []
        var mapA: [Int] = []
        for i in a.indices {
            if inB.contains(a[i]) { reducedA.append(a[i]); mapA.append(i) } else { changedA[i] = true }
        }
        var reducedB: [Int32] = []
        var mapB: [Int] = []
        for j in b.indices {
            if inA.contains(b[j]) { reducedB.append(b[j]); mapB.append(j) } else { changedB[j] = true }
        }
        var marksA = [Bool](repeating: false, count: reducedA.count)
        var marksB = [Bool](repeating: false, count: reducedB.count)
        runDirect(reducedA, reducedB, changedA: &marksA, changedB: &marksB, minimal: minimal)
        for (k, changed) in marksA.enumerated() where changed { changedA[mapA[k]] = true }
        for (k, changed) in marksB.enumerated() where changed { changedB[mapB[k]] = true }
    }

    /// The core search on whole arrays, without the unmatched-line filter.
    static func runDirect(
        _ a: [Int32], _ b: [Int32], changedA: inout [Bool], changedB: inout [Bool], minimal: Bool
    ) {
        let n = a.count
        let m = b.count
        let offset = m + 1
        var forward = [Int](repeating: 0, count: n + m + 3)
        var backward = [Int](repeating: 0, count: n + m + 3)
        var cost = 1
        while cost * cost < n + m { cost += 1 }
        let maxCost = minimal ? Int.max : max(256, cost)
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
                while i1 < lim1 && i2 < lim2 && a[i1] == b[i2] { i1 += 1; i2 += 1 }
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
                while i1 > off1 && i2 > off2 && a[i1 - 1] == b[i2 - 1] { i1 -= 1; i2 -= 1 }
                vb[d + offset] = i1
                if !odd && fmin <= d && d <= fmax && i1 <= vf[d + offset] {
                    return Split(x: i1, y: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            if ec >= maxCost {
                return costCapSplit(
                    off1, lim1, off2, lim2, fmin: fmin, fmax: fmax, bmin: bmin, bmax: bmax,
                    vf: vf, vb: vb, offset: offset)
            }
            ec += 1
        }
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
