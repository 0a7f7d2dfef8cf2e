/// Walks the changes of both sides against the base in base order and
/// turns them into merge pieces.
enum MergeSweep {
    // swiftlint:disable:next function_parameter_count
    static func pieces(
        base: [Int], ours: [Int], theirs: [Int], oursScript: EditScript, theirsScript: EditScript,
        sameLine: (Int, Int) -> Bool
    ) -> [MergePiece] {
        let c1 = oursScript.chunks
        let c2 = theirsScript.chunks
        var pieces: [MergePiece] = []
        var i = 0, j = 0
        var basePosition = 0
        var delta1 = 0, delta2 = 0  // side position minus base position before the next chunk
        func emitStable(upTo end: Int) {
            if end > basePosition { pieces.append(.stable(Array(base[basePosition..<end]))) }
            basePosition = max(basePosition, end)
        }
        while i < c1.count || j < c2.count {
            if i < c1.count && (j == c2.count || c1[i].oldEnd < c2[j].oldStart) {
                emitStable(upTo: c1[i].oldStart)
                pieces.append(.resolved(Array(ours[c1[i].newStart..<c1[i].newEnd])))
                basePosition = c1[i].oldEnd
                delta1 += c1[i].newCount - c1[i].oldCount
                i += 1
                continue
            }
            if j < c2.count && (i == c1.count || c2[j].oldEnd < c1[i].oldStart) {
                emitStable(upTo: c2[j].oldStart)
                pieces.append(.resolved(Array(theirs[c2[j].newStart..<c2[j].newEnd])))
                basePosition = c2[j].oldEnd
                delta2 += c2[j].newCount - c2[j].oldCount
                j += 1
                continue
            }
            // Overlapping or touching changes: one conflict region.
            let start = min(c1[i].oldStart, c2[j].oldStart)
            var end = max(c1[i].oldEnd, c2[j].oldEnd)
            let firstPairSameRange = c1[i].oldStart == c2[j].oldStart && c1[i].oldCount == c2[j].oldCount
            let firstI = i, firstJ = j
            let oursStart = start + delta1
            let theirsStart = start + delta2
            delta1 += c1[i].newCount - c1[i].oldCount
            delta2 += c2[j].newCount - c2[j].oldCount
            i += 1
            j += 1
            var grew = true
            while grew {
                grew = false
                if i < c1.count && c1[i].oldStart <= end {
                    end = max(end, c1[i].oldEnd)
                    delta1 += c1[i].newCount - c1[i].oldCount
                    i += 1
                    grew = true
                }
                if j < c2.count && c2[j].oldStart <= end {
                    end = max(end, c2[j].oldEnd)
                    delta2 += c2[j].newCount - c2[j].oldCount
                    j += 1
                    grew = true
                }
            }
            emitStable(upTo: start)
            let oursPart = Array(ours[oursStart..<(end + delta1)])
            let theirsPart = Array(theirs[theirsStart..<(end + delta2)])
            // Only the very same change to the very same base lines is taken
            // as agreed here; other overlaps are conflicts (the merge style
            // may still find them equal when narrowing).
            let singlePair = firstPairSameRange && i == firstI + 1 && j == firstJ + 1
            let same = singlePair && oursPart.count == theirsPart.count
                && zip(oursPart, theirsPart).allSatisfy { sameLine($0, $1) }
            if same {
                pieces.append(.identical(oursPart))
            } else {
                pieces.append(.conflict(ours: oursPart, base: Array(base[start..<end]), theirs: theirsPart))
            }
            basePosition = end
        }
        emitStable(upTo: base.count)
        return pieces
    }
}
