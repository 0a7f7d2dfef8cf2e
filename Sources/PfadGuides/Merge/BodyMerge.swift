import PfadDiff

/// Merges the bodies of three guide versions chunk by chunk.
///
/// Order: base chunks that neither side moved are anchors and keep their
/// base order. Every chunk a side inserted or moved follows, in that
/// side's order, the nearest anchor (or the start) before it in that
/// side. When both sides put different chunks after the same anchor the
/// chunks are kept both only if all are inserted list items (ordered by
/// their bytes, so the result does not depend on which side is ours);
/// otherwise that is a conflict.
///
/// Content: each base chunk is merged from its three versions (deleted by
/// one side and changed by the other is a conflict; changed by both is a
/// `WordMerge`). The bytes between chunks come from `GapChoice`.
struct BodyMerge {
    let base: MergeVersion
    let ours: MergeVersion
    let theirs: MergeVersion
    let oursAlignment: ChunkAlignment
    let theirsAlignment: ChunkAlignment

    /// Writes the merged body into `out`.
    func write(into out: inout MergedText) {
        let oursSequence = ours.chunks.indices.map { oursAlignment.baseOfSide[$0].map(ChunkElement.base) ?? .ours($0) }
        let theirsSequence = theirs.chunks.indices.map { theirsAlignment.baseOfSide[$0].map(ChunkElement.base) ?? .theirs($0) }
        let movedByBoth = oursAlignment.moved.intersection(theirsAlignment.moved)
        let isAnchor = { (i: Int) in !oursAlignment.moved.contains(i) && !theirsAlignment.moved.contains(i) }
        let oursRuns = Self.runs(oursSequence, isAnchor: isAnchor, moved: oursAlignment.moved)
        let theirsRuns = Self.runs(theirsSequence, isAnchor: isAnchor, moved: theirsAlignment.moved)
        // A chunk both sides moved to the same place is written once; to
        // different places, it is a conflict at both.
        var splitMoves = Set<Int>()
        for i in movedByBoth where Self.predecessor(of: .base(i), in: oursSequence) != Self.predecessor(of: .base(i), in: theirsSequence) {
            splitMoves.insert(i)
        }
        var written = Set<Int>()
        for anchor in [-1] + base.chunks.indices.filter(isAnchor) {
            if anchor >= 0 { writeBase(anchor, into: &out) }
            let oursRun = oursRuns[anchor] ?? []
            let theirsRun = theirsRuns[anchor] ?? []
            if oursRun.isEmpty || theirsRun.isEmpty || oursRun == theirsRun {
                for element in oursRun.isEmpty ? theirsRun : oursRun {
                    writeMoved(element, splitMoves: splitMoves, fromOurs: !oursRun.isEmpty, written: &written, into: &out)
                }
            } else if sameBytes(oursRun, theirsRun) {
                for element in oursRun { writeMoved(element, splitMoves: splitMoves, fromOurs: true, written: &written, into: &out) }
            } else if isInsertedListItems(oursRun), isInsertedListItems(theirsRun) {
                let oursFirst = !render(theirsRun, in: theirs, alignment: theirsAlignment)
                    .lexicographicallyPrecedes(render(oursRun, in: ours, alignment: oursAlignment))
                let runs = oursFirst ? [oursRun, theirsRun] : [theirsRun, oursRun]
                for element in runs.joined() { writeElement(element, into: &out) }
            } else {
                out.append(gap(before: oursRun[0]))
                out.conflict(
                    ours: render(oursRun, in: ours, alignment: oursAlignment), base: [],
                    theirs: render(theirsRun, in: theirs, alignment: theirsAlignment))
                for case let .base(i) in oursRun + theirsRun { written.insert(i) }
            }
        }
        out.append(
            GapChoice.pick(
                base: base.bytes(base.gaps[base.chunks.count]), ours: ours.bytes(ours.gaps[ours.chunks.count]),
                theirs: theirs.bytes(theirs.gaps[theirs.chunks.count])))
    }

    /// For each anchor (-1 for the start), the chunks the side inserted or
    /// moved after it, in the side's order.
    static func runs(_ sequence: [ChunkElement], isAnchor: (Int) -> Bool, moved: Set<Int>) -> [Int: [ChunkElement]] {
        var runs: [Int: [ChunkElement]] = [:]
        var current = -1
        for element in sequence {
            switch element {
            case let .base(i) where isAnchor(i): current = i
            case let .base(i) where !moved.contains(i): continue
            default: runs[current, default: []].append(element)
            }
        }
        return runs
    }

    /// The element before `element` in `sequence` (nil at the start or when absent).
    static func predecessor(of element: ChunkElement, in sequence: [ChunkElement]) -> ChunkElement? {
        guard let index = sequence.firstIndex(of: element), index > 0 else { return nil }
        return sequence[index - 1]
    }

    private func writeMoved(
        _ element: ChunkElement, splitMoves: Set<Int>, fromOurs: Bool, written: inout Set<Int>, into out: inout MergedText
    ) {
        guard case let .base(i) = element else { return writeElement(element, into: &out) }
        guard !written.contains(i) else { return }
        guard splitMoves.contains(i) else {
            written.insert(i)
            return writeElement(element, into: &out)
        }
        // Moved by both sides to different places: each side's version
        // stands in a conflict at the place that side chose.
        let side = fromOurs ? ours : theirs
        let alignment = fromOurs ? oursAlignment : theirsAlignment
        guard let j = alignment.sideOfBase[i] else { return }
        out.append(side.bytes(side.gaps[j]))
        let text = Array(side.chunkBytes(j))
        out.conflict(ours: fromOurs ? text : [], base: Array(base.chunkBytes(i)), theirs: fromOurs ? [] : text)
    }

    private func writeElement(_ element: ChunkElement, into out: inout MergedText) {
        switch element {
        case let .base(i): writeBase(i, into: &out)
        case let .ours(j):
            out.append(ours.bytes(ours.gaps[j]))
            out.append(ours.chunkBytes(j))
        case let .theirs(j):
            out.append(theirs.bytes(theirs.gaps[j]))
            out.append(theirs.chunkBytes(j))
        }
    }

    /// The gap before a chunk, chosen from the versions that have it.
    private func gap(before element: ChunkElement) -> ArraySlice<UInt8> {
        switch element {
        case let .base(i):
            return GapChoice.pick(
                base: base.bytes(base.gaps[i]), ours: oursAlignment.sideOfBase[i].map { ours.bytes(ours.gaps[$0]) },
                theirs: theirsAlignment.sideOfBase[i].map { theirs.bytes(theirs.gaps[$0]) })
        case let .ours(j): return ours.bytes(ours.gaps[j])
        case let .theirs(j): return theirs.bytes(theirs.gaps[j])
        }
    }

    /// Writes base chunk `i` merged from its three versions, with the gap before it.
    private func writeBase(_ i: Int, into out: inout MergedText) {
        let baseBytes = base.chunkBytes(i)
        let o = oursAlignment.sideOfBase[i]
        let t = theirsAlignment.sideOfBase[i]
        let oursBytes = o.map { ours.chunkBytes($0) }
        let theirsBytes = t.map { theirs.chunkBytes($0) }
        switch (oursBytes, theirsBytes) {
        case (nil, nil):
            return
        case let (kept?, nil), let (nil, kept?):
            guard !kept.elementsEqual(baseBytes) else { return }
            out.append(gap(before: .base(i)))
            out.conflict(ours: Array(oursBytes ?? []), base: Array(baseBytes), theirs: Array(theirsBytes ?? []))
        case let (oursText?, theirsText?):
            out.append(gap(before: .base(i)))
            if oursText.elementsEqual(baseBytes) || oursText.elementsEqual(theirsText) {
                out.append(theirsText)
            } else if theirsText.elementsEqual(baseBytes) {
                out.append(oursText)
            } else if let o, let t, base.chunks[i].kind.isProse {
                WordMerge(
                    base: .init(version: base, chunk: base.chunks[i]), ours: .init(version: ours, chunk: ours.chunks[o]),
                    theirs: .init(version: theirs, chunk: theirs.chunks[t])
                ).write(into: &out)
            } else {
                out.conflict(ours: Array(oursText), base: Array(baseBytes), theirs: Array(theirsText))
            }
        }
    }

    /// A run of chunks as written in one side (its own gaps between them).
    private func render(_ run: [ChunkElement], in side: MergeVersion, alignment: ChunkAlignment) -> [UInt8] {
        var bytes: [UInt8] = []
        for (n, element) in run.enumerated() {
            let j: Int?
            switch element {
            case let .base(i): j = alignment.sideOfBase[i]
            case let .ours(k), let .theirs(k): j = k
            }
            guard let j else { continue }
            if n > 0 { bytes += side.bytes(side.gaps[j]) }
            bytes += side.chunkBytes(j)
        }
        return bytes
    }

    private func sameBytes(_ a: [ChunkElement], _ b: [ChunkElement]) -> Bool {
        render(a, in: ours, alignment: oursAlignment) == render(b, in: theirs, alignment: theirsAlignment)
    }

    private func isInsertedListItems(_ run: [ChunkElement]) -> Bool {
        run.allSatisfy { element in
            switch element {
            case let .ours(j): return ours.chunks[j].kind == .listItem
            case let .theirs(j): return theirs.chunks[j].kind == .listItem
            case .base: return false
            }
        }
    }
}
