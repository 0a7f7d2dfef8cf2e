extension WordMerge {
    /// Slides inserted and deleted stretches of words to a sentence start
    /// where the diff could have put them either way: an inserted sentence
    /// `X. Die` after `Die` is the same diff as `Die X.` before it, and only
    /// the second keeps the sentence together. A stretch that can start
    /// right after a sentence mark (or at the start) is moved there;
    /// others keep the diff's place.
    static func placed(_ hunks: [Hunk], base: Piece, side: Piece) -> [Hunk] {
        var result = hunks
        let baseIDs = Array(base.ids)
        let sideIDs = Array(side.ids)
        for index in result.indices {
            let hunk = result[index]
            let lowerBase = index > 0 ? result[index - 1].base.upperBound : 0
            let lowerSide = index > 0 ? result[index - 1].side.upperBound : 0
            let upperBase = index + 1 < result.count ? hunks[index + 1].base.lowerBound : baseIDs.count
            let upperSide = index + 1 < result.count ? hunks[index + 1].side.lowerBound : sideIDs.count
            if hunk.base.isEmpty, !hunk.side.isEmpty {
                result[index] = slide(hunk, moving: \.side, ids: sideIDs, piece: side, lower: (lowerBase, lowerSide), upper: (upperBase, upperSide))
            } else if hunk.side.isEmpty, !hunk.base.isEmpty {
                result[index] = slide(hunk, moving: \.base, ids: baseIDs, piece: base, lower: (lowerBase, lowerSide), upper: (upperBase, upperSide))
            }
        }
        return result
    }

    /// The hunk slid along `moving` (the non-empty range) within the
    /// stable words between its neighbours, to a sentence start if any.
    private static func slide(
        _ hunk: Hunk, moving: KeyPath<Hunk, Range<Int>>, ids: [Int32], piece: Piece, lower: (Int, Int), upper: (Int, Int)
    ) -> Hunk {
        func shifted(_ hunk: Hunk, by step: Int) -> Hunk {
            Hunk(base: (hunk.base.lowerBound + step)..<(hunk.base.upperBound + step), side: (hunk.side.lowerBound + step)..<(hunk.side.upperBound + step))
        }
        var top = hunk
        while top.base.lowerBound > lower.0, top.side.lowerBound > lower.1 {
            let range = top[keyPath: moving]
            guard ids[range.lowerBound - 1] == ids[range.upperBound - 1] else { break }
            top = shifted(top, by: -1)
        }
        var candidate = top
        while true {
            let start = candidate[keyPath: moving].lowerBound
            if start == 0 || isSentenceMark(piece.word(start - 1)) { return candidate }
            let range = candidate[keyPath: moving]
            guard candidate.base.upperBound < upper.0, candidate.side.upperBound < upper.1,
                range.upperBound < ids.count, ids[range.lowerBound] == ids[range.upperBound]
            else { return hunk }
            candidate = shifted(candidate, by: 1)
        }
    }

    /// `.`, `!`, `?`, `:` or `…`.
    static func isSentenceMark(_ word: ArraySlice<UInt8>) -> Bool {
        if word.count == 1, let byte = word.first { return byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A }
        return word.elementsEqual("…".utf8)
    }
}
