/// Normalises the position of ambiguous change groups ("sliders"), as git
/// does after every algorithm: a group of changed lines that could move up
/// or down (because the line before it equals its last line, or the line
/// after it equals its first) is moved as far down as it goes, unless it can
/// be aligned with a change group on the other side, which wins. Sliding
/// groups merge with the groups they meet. With `widths` (git's default
/// indent heuristic), a group that cannot align is placed where its two
/// boundaries score best (`SplitScore`, at most 100 positions up); without,
/// it stays at the bottom (git's `--no-indent-heuristic`).
/// O(N+M) amortised, plus O(100 · nearby blank lines) per sliding group.
enum Compaction {
    struct Group {
        var start: Int
        var end: Int
    }

    /// Compacts `changed` (for `ids`) against `otherChanged`; `widths` are
    /// the indentation widths of the lines of `ids` for the indent heuristic.
    static func compact(
        ids: [Int32], changed: inout [Bool], otherChanged: [Bool], widths: [Int16]? = nil
    ) {
        let n = ids.count
        var g = Group(start: 0, end: 0)
        while g.end < n && changed[g.end] { g.end += 1 }
        var go = Group(start: 0, end: 0)
        while go.end < otherChanged.count && otherChanged[go.end] { go.end += 1 }
        while true {
            if g.end != g.start {
                var groupSize = 0
                var earliestEnd = 0
                var endMatchingOther = -1
                repeat {
                    groupSize = g.end - g.start
                    endMatchingOther = -1
                    while slideUp(ids, &changed, &g) { previous(otherChanged, &go) }
                    earliestEnd = g.end
                    if go.end > go.start { endMatchingOther = g.end }
                    while slideDown(ids, &changed, &g) {
                        next(otherChanged, &go)
                        if go.end > go.start { endMatchingOther = g.end }
                    }
                } while groupSize != g.end - g.start
                if g.end == earliestEnd {
                    // Nothing to choose.
                } else if endMatchingOther != -1 {
                    while go.end == go.start {
                        _ = slideUp(ids, &changed, &g)
                        previous(otherChanged, &go)
                    }
                } else if let widths {
                    let target = bestEnd(g, size: groupSize, earliestEnd: earliestEnd, widths: widths)
                    while g.end > target {
                        _ = slideUp(ids, &changed, &g)
                        previous(otherChanged, &go)
                    }
                }
            }
            if g.end >= n { break }
            g.start = g.end + 1
            g.end = g.start
            while g.end < n && changed[g.end] { g.end += 1 }
            next(otherChanged, &go)
        }
    }

    /// The indent heuristic: the end position (between the highest
    /// reachable one, at most `SplitScore.maximumSlide` up, and the current
    /// one) whose two splits score best; ties go to the lower position.
    private static func bestEnd(_ g: Group, size: Int, earliestEnd: Int, widths: [Int16]) -> Int {
        var end = max(earliestEnd, g.end - size - 1, g.end - SplitScore.maximumSlide)
        var best = g.end
        var bestScore: SplitScore?
        while end <= g.end {
            var score = SplitScore()
            score.add(split: end, widths: widths)
            score.add(split: end - size, widths: widths)
            if bestScore.map({ score.isNoWorse(than: $0) }) ?? true {
                bestScore = score
                best = end
            }
            end += 1
        }
        return best
    }

    private static func slideUp(_ ids: [Int32], _ changed: inout [Bool], _ g: inout Group) -> Bool {
        guard g.start > 0, ids[g.start - 1] == ids[g.end - 1] else { return false }
        g.start -= 1
        g.end -= 1
        changed[g.start] = true
        changed[g.end] = false
        while g.start > 0 && changed[g.start - 1] { g.start -= 1 }
        return true
    }

    private static func slideDown(_ ids: [Int32], _ changed: inout [Bool], _ g: inout Group) -> Bool {
        guard g.end < ids.count, ids[g.start] == ids[g.end] else { return false }
        changed[g.start] = false
        changed[g.end] = true
        g.start += 1
        g.end += 1
        while g.end < ids.count && changed[g.end] { g.end += 1 }
        return true
    }

    private static func previous(_ changed: [Bool], _ g: inout Group) {
        guard g.start > 0 else { return }
        g.end = g.start - 1
        g.start = g.end
        while g.start > 0 && changed[g.start - 1] { g.start -= 1 }
    }

    private static func next(_ changed: [Bool], _ g: inout Group) {
        guard g.end < changed.count else { return }
        g.start = g.end + 1
        g.end = g.start
        while g.end < changed.count && changed[g.end] { g.end += 1 }
    }
}
