import PfadDiff

extension BlameWalk {
    /// Splits `pieces` (lines of the child's version) by a parent→child
    /// edit script: lines outside every chunk are unchanged and pass to the
    /// parent, renumbered to the parent's lines; lines inside a chunk stay.
    /// O(pieces + chunks) after sorting the pieces.
    static func split(_ pieces: [BlamePiece], by script: EditScript) -> (passed: [BlamePiece], kept: [BlamePiece]) {
        // Unchanged runs: (child start, parent start, length).
        var runs: [(child: Int, parent: Int, count: Int)] = []
        var oldLine = 0, newLine = 0
        for chunk in script.chunks {
            if chunk.newStart > newLine {
                runs.append((newLine, oldLine, chunk.newStart - newLine))
            }
            oldLine = chunk.oldEnd
            newLine = chunk.newEnd
        }
        if newLine < script.newCount {
            runs.append((newLine, oldLine, script.newCount - newLine))
        }
        var passed: [BlamePiece] = []
        var kept: [BlamePiece] = []
        var r = 0
        for piece in pieces.sorted(by: { $0.sourceStart < $1.sourceStart }) {
            var start = piece.sourceStart
            let end = piece.sourceStart + piece.count
            while r > 0 && runs[r - 1].child + runs[r - 1].count > start { r -= 1 }
            var k = r
            while start < end {
                // Skip runs that end before `start`.
                while k < runs.count && runs[k].child + runs[k].count <= start { k += 1 }
                guard k < runs.count, runs[k].child < end else {
                    kept.append(BlamePiece(finalStart: piece.finalStart + start - piece.sourceStart, count: end - start, sourceStart: start))
                    break
                }
                let run = runs[k]
                if run.child > start {
                    kept.append(BlamePiece(finalStart: piece.finalStart + start - piece.sourceStart, count: run.child - start, sourceStart: start))
                    start = run.child
                }
                let stop = min(end, run.child + run.count)
                passed.append(
                    BlamePiece(
                        finalStart: piece.finalStart + start - piece.sourceStart, count: stop - start,
                        sourceStart: run.parent + start - run.child))
                start = stop
            }
            r = k
        }
        return (passed, kept)
    }
}
