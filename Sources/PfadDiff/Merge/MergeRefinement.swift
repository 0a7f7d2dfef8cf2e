/// The conflict-narrowing steps of git's default merge level.
enum MergeRefinement {
    /// Splits each conflict where the two sides agree: with `trimOnly`
    /// (zdiff3) only the shared leading and trailing lines leave the
    /// conflict; otherwise the sides are diffed and every run of shared
    /// lines between their differences leaves it.
    static func narrow(
        _ pieces: [MergePiece], table: MergeLineTable, algorithm: DiffAlgorithm, trimOnly: Bool
    ) -> [MergePiece] {
        var result: [MergePiece] = []
        for piece in pieces {
            guard case let .conflict(ours, base, theirs) = piece else {
                result.append(piece)
                continue
            }
            if trimOnly {
                var prefix = 0
                while prefix < ours.count && prefix < theirs.count
                    && table.ids[ours[prefix]] == table.ids[theirs[prefix]] { prefix += 1 }
                var suffix = 0
                while suffix < ours.count - prefix && suffix < theirs.count - prefix
                    && table.ids[ours[ours.count - 1 - suffix]] == table.ids[theirs[theirs.count - 1 - suffix]] {
                    suffix += 1
                }
                if prefix > 0 { result.append(.stable(Array(ours[0..<prefix]))) }
                result.append(.conflict(
                    ours: Array(ours[prefix..<(ours.count - suffix)]), base: base,
                    theirs: Array(theirs[prefix..<(theirs.count - suffix)])))
                if suffix > 0 { result.append(.stable(Array(ours[(ours.count - suffix)...]))) }
                continue
            }
            let script = EditScript.compute(
                old: ours.map { table.ids[$0] }, new: theirs.map { table.ids[$0] },
                algorithm: algorithm, alphabet: table.alphabet)
            if script.isEmpty {
                // Both sides ended up with the same text: resolved (but, as in
                // git, it still keeps the conflicts around it apart).
                result.append(.resolved(ours))
                continue
            }
            var position = 0
            for (index, chunk) in script.chunks.enumerated() {
                if chunk.oldStart > position { result.append(.stable(Array(ours[position..<chunk.oldStart]))) }
                result.append(.conflict(
                    ours: Array(ours[chunk.oldStart..<chunk.oldEnd]), base: index == 0 ? base : [],
                    theirs: Array(theirs[chunk.newStart..<chunk.newEnd])))
                position = chunk.oldEnd
            }
            if position < ours.count { result.append(.stable(Array(ours[position...]))) }
        }
        return result
    }

    /// Joins two conflicts separated only by at most three unchanged lines
    /// (identical changes of both sides count as unchanged), or by lines
    /// without any ASCII letter or digit.
    static func joinNearby(_ pieces: [MergePiece], table: MergeLineTable) -> [MergePiece] {
        var result: [MergePiece] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            guard case let .conflict(ours, base, theirs) = piece else {
                result.append(piece)
                continue
            }
            var o = ours, b = base, t = theirs
            while index < pieces.count {
                var gap: [Int] = []
                var next = index
                // Unchanged lines and identical changes both sit between conflicts.
                gapLoop: while next < pieces.count {
                    switch pieces[next] {
                    case let .stable(lines), let .identical(lines):
                        gap += lines
                        next += 1
                    default:
                        break gapLoop
                    }
                }
                guard next < pieces.count, case let .conflict(o2, b2, t2) = pieces[next],
                    gap.count <= 3 || !containsAlphanumeric(gap, table: table)
                else { break }
                o += gap + o2
                b += gap + b2
                t += gap + t2
                index = next + 1
            }
            result.append(.conflict(ours: o, base: b, theirs: t))
        }
        return result
    }

    static func containsAlphanumeric(_ lines: [Int], table: MergeLineTable) -> Bool {
        for line in lines {
            for byte in table.lines[line] {
                if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                    return true
                }
            }
        }
        return false
    }
}
