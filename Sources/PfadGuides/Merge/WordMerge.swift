import PfadDiff

/// Merges the three versions of one chunk word by word.
///
/// Both sides are diffed against the base by words. Changes of the two
/// sides that overlap or touch (no unchanged word between them) conflict
/// unless they make the same words; a conflict is widened to the whole
/// base sentences it touches, and to every change that then touches it.
/// White space between words is chosen per word by `GapChoice`, so a side
/// that only rewrapped the chunk gives the layout and the other side the
/// words.
struct WordMerge {
    /// One side's change: base words `base` became side words `side`.
    struct Hunk {
        var base: Range<Int>
        var side: Range<Int>
    }

    /// A stretch of base words changed by one side, both, or in conflict.
    struct Group {
        var base: Range<Int>
        var ours: [Hunk] = []
        var theirs: [Hunk] = []
        var conflict = false
    }

    /// A chunk in one version: its words (ids and ranges) and bytes.
    struct Piece {
        let version: MergeVersion
        let chunk: MergeChunk
        var ids: ArraySlice<Int32> { version.wordIDs[chunk.words] }
        var count: Int { chunk.words.count }

        /// The white space before local word `k` (k == count: after the last).
        func gap(before k: Int) -> ArraySlice<UInt8> {
            let words = version.words
            let lower = k == 0 ? chunk.range.lowerBound : words[chunk.words.lowerBound + k - 1].upperBound
            let upper = k == count ? chunk.range.upperBound : words[chunk.words.lowerBound + k].lowerBound
            return version.text[lower..<max(lower, upper)]
        }

        /// The bytes from local word `words.lowerBound` through the last of `words`.
        func text(_ words: Range<Int>) -> [UInt8] {
            guard !words.isEmpty else { return [] }
            let all = version.words
            let lower = all[chunk.words.lowerBound + words.lowerBound].lowerBound
            let upper = all[chunk.words.lowerBound + words.upperBound - 1].upperBound
            return Array(version.text[lower..<upper])
        }

        /// The bytes of local word `k`.
        func word(_ k: Int) -> ArraySlice<UInt8> { version.text[version.words[chunk.words.lowerBound + k]] }
    }

    let base: Piece
    let ours: Piece
    let theirs: Piece

    /// Writes the merge of the chunk into `out`.
    func write(into outer: inout MergedText) {
        let oursHunks = Self.placed(Self.hunks(base.ids, ours.ids), base: base, side: ours)
        let theirsHunks = Self.placed(Self.hunks(base.ids, theirs.ids), base: base, side: theirs)
        let oursImage = Self.image(oursHunks, count: base.count)
        let theirsImage = Self.image(theirsHunks, count: base.count)
        let groups = settle(oursHunks, theirsHunks)
        var out = Writer(out: outer, leading: GapChoice.pick(base: base.gap(before: 0), ours: ours.gap(before: 0), theirs: theirs.gap(before: 0)))
        outer = MergedText(options: outer.options)  // the writer holds the only copy
        defer { outer = out.out }
        var position = 0
        for group in groups {
            writeStable(position..<group.base.lowerBound, oursImage, theirsImage, into: &out)
            let oursRange = Self.sideRange(group.base, group.ours, oursHunks)
            let theirsRange = Self.sideRange(group.base, group.theirs, theirsHunks)
            if group.conflict {
                out.started = true
                out.out.conflict(ours: ours.text(oursRange), base: base.text(group.base), theirs: theirs.text(theirsRange))
            } else if !group.ours.isEmpty {
                writeSide(ours, oursRange, into: &out)
            } else {
                writeSide(theirs, theirsRange, into: &out)
            }
            position = group.base.upperBound
        }
        writeStable(position..<base.count, oursImage, theirsImage, into: &out)
        out.out.append(GapChoice.pick(base: base.gap(before: base.count), ours: ours.gap(before: ours.count), theirs: theirs.gap(before: theirs.count)))
    }

    /// The merged text with the chunk's first word: it gets the chunk's
    /// leading white space whatever gap it had in its own version.
    struct Writer {
        var out: MergedText
        let leading: ArraySlice<UInt8>
        var started = false

        mutating func word(_ word: ArraySlice<UInt8>, gap: ArraySlice<UInt8>) {
            out.append(started ? gap : leading)
            started = true
            out.append(word)
        }
    }

    private func writeStable(_ words: Range<Int>, _ oursImage: [Int?], _ theirsImage: [Int?], into out: inout Writer) {
        for k in words {
            let gap = GapChoice.pick(
                base: base.gap(before: k), ours: oursImage[k].map { ours.gap(before: $0) },
                theirs: theirsImage[k].map { theirs.gap(before: $0) })
            out.word(base.word(k), gap: gap)
        }
    }

    private func writeSide(_ piece: Piece, _ words: Range<Int>, into out: inout Writer) {
        for k in words { out.word(piece.word(k), gap: piece.gap(before: k)) }
    }

    /// The side's changes against the base, by words.
    static func hunks(_ base: ArraySlice<Int32>, _ side: ArraySlice<Int32>) -> [Hunk] {
        EditScript.compute(old: Array(base), new: Array(side)).chunks.map {
            Hunk(base: $0.oldStart..<$0.oldEnd, side: $0.newStart..<$0.newEnd)
        }
    }

    /// For each base word (and the end), its index in the side when the
    /// side kept it, else nil.
    static func image(_ hunks: [Hunk], count: Int) -> [Int?] {
        var image = [Int?](repeating: nil, count: count + 1)
        var delta = 0
        var next = 0
        for k in 0...count {
            while next < hunks.count, hunks[next].base.upperBound <= k, hunks[next].base.lowerBound < k || hunks[next].base.isEmpty {
                delta += hunks[next].side.count - hunks[next].base.count
                next += 1
            }
            let inside = next < hunks.count && hunks[next].base.contains(k)
            image[k] = inside ? nil : k + delta
        }
        return image
    }

    /// The side's words standing for base words `range`, whose changes
    /// are `inside` (all changes touching the range).
    static func sideRange(_ range: Range<Int>, _ inside: [Hunk], _ all: [Hunk]) -> Range<Int> {
        var before = 0
        for hunk in all where hunk.base.upperBound <= range.lowerBound && !inside.contains(where: { $0.base == hunk.base && $0.side == hunk.side }) {
            before += hunk.side.count - hunk.base.count
        }
        var within = 0
        for hunk in inside { within += hunk.side.count - hunk.base.count }
        let lower = range.lowerBound + before
        return lower..<max(lower, range.upperBound + before + within)
    }
}
