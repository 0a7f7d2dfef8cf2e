extension WordMerge {
    /// Groups the two sides' changes: changes that overlap or touch form
    /// one group; a group with changes from both sides that do not make
    /// the same words is a conflict, widened to whole base sentences and
    /// joined with every group it then overlaps or touches, until nothing
    /// changes. Groups come back in base order.
    func settle(_ oursHunks: [Hunk], _ theirsHunks: [Hunk]) -> [Group] {
        var items: [(hunk: Hunk, ours: Bool)] = oursHunks.map { ($0, true) } + theirsHunks.map { ($0, false) }
        items.sort { ($0.hunk.base.lowerBound, $0.hunk.base.upperBound) < ($1.hunk.base.lowerBound, $1.hunk.base.upperBound) }
        var groups: [Group] = []
        for item in items {
            if var last = groups.last, item.hunk.base.lowerBound <= last.base.upperBound {
                last.base = last.base.lowerBound..<max(last.base.upperBound, item.hunk.base.upperBound)
                if item.ours { last.ours.append(item.hunk) } else { last.theirs.append(item.hunk) }
                groups[groups.count - 1] = last
            } else {
                var group = Group(base: item.hunk.base)
                if item.ours { group.ours = [item.hunk] } else { group.theirs = [item.hunk] }
                groups.append(group)
            }
        }
        let sentences = sentenceSpans()
        var changed = true
        while changed {
            changed = false
            for index in groups.indices where !groups[index].conflict {
                let group = groups[index]
                guard !group.ours.isEmpty, !group.theirs.isEmpty, !sameWords(group, oursHunks, theirsHunks) else { continue }
                groups[index].conflict = true
                changed = true
            }
            for index in groups.indices where groups[index].conflict {
                let widened = widen(groups[index].base, sentences)
                if widened != groups[index].base {
                    groups[index].base = widened
                    changed = true
                }
            }
            var joined: [Group] = []
            for group in groups {
                if var last = joined.last, group.base.lowerBound <= last.base.upperBound, last.conflict || group.conflict {
                    last.base = min(last.base.lowerBound, group.base.lowerBound)..<max(last.base.upperBound, group.base.upperBound)
                    last.ours += group.ours
                    last.theirs += group.theirs
                    last.conflict = true
                    joined[joined.count - 1] = last
                    changed = true
                } else {
                    joined.append(group)
                }
            }
            groups = joined
        }
        return groups
    }

    /// Whether both sides turned the group's base words into the same words.
    private func sameWords(_ group: Group, _ oursHunks: [Hunk], _ theirsHunks: [Hunk]) -> Bool {
        let oursRange = Self.sideRange(group.base, group.ours, oursHunks)
        let theirsRange = Self.sideRange(group.base, group.theirs, theirsHunks)
        let oursIDs = ours.ids.dropFirst(oursRange.lowerBound).prefix(oursRange.count)
        let theirsIDs = theirs.ids.dropFirst(theirsRange.lowerBound).prefix(theirsRange.count)
        return oursIDs.elementsEqual(theirsIDs)
    }

    /// `range` widened to the base sentences it touches (an empty range:
    /// the sentence after it, or the last one at the end).
    private func widen(_ range: Range<Int>, _ spans: [Range<Int>]) -> Range<Int> {
        guard !spans.isEmpty else { return range }
        if range.isEmpty {
            let k = min(range.lowerBound, spans.count - 1)
            return min(range.lowerBound, spans[k].lowerBound)..<max(range.upperBound, spans[k].upperBound)
        }
        let first = spans[min(range.lowerBound, spans.count - 1)]
        let last = spans[min(range.upperBound - 1, spans.count - 1)]
        return min(range.lowerBound, first.lowerBound)..<max(range.upperBound, last.upperBound)
    }

    /// For each base word, the local word range of its sentence.
    private func sentenceSpans() -> [Range<Int>] {
        let units = SentenceSplitter().split(base.version.text[base.chunk.range])
        var spans = [Range<Int>](repeating: 0..<0, count: base.count)
        var unit = 0
        var start = 0
        for k in 0..<base.count {
            let wordStart = base.version.words[base.chunk.words.lowerBound + k].lowerBound
            var moved = false
            while unit + 1 < units.count, units[unit].range.upperBound <= wordStart {
                unit += 1
                moved = true
            }
            if moved {
                for j in start..<k { spans[j] = start..<k }
                start = k
            }
        }
        for j in start..<base.count { spans[j] = start..<base.count }
        return spans
    }
}
