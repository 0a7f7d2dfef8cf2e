extension RevisionWalk {
    /// Orders `list` (commits in date-queue order) so that no parent comes
    /// before any of its children in the list.
    ///
    /// Commits whose children have all been emitted become ready. Ready
    /// commits leave by commit date for `--date-order`; for `--topo-order`
    /// the most recently readied commit leaves first, which keeps one line
    /// of history together; the starting commits (those without children in
    /// the list) leave in list order. O(n log n).
    func topologicalSort(_ list: [Int]) -> [Int] {
        var childCount: [Int: Int] = [:]
        childCount.reserveCapacity(list.count)
        for n in list { childCount[n] = 0 }
        for n in list {
            for p in followed[n] where childCount[p] != nil { childCount[p, default: 0] += 1 }
        }
        var out: [Int] = []
        out.reserveCapacity(list.count)
        let tips = list.filter { childCount[$0] == 0 }
        if options.order == .date {
            var ready = CommitQueue()
            for t in tips { ready.push(t, date: dates[t]) }
            while let n = ready.pop() {
                out.append(n)
                for p in followed[n] {
                    guard let c = childCount[p], c > 0 else { continue }
                    childCount[p] = c - 1
                    if c == 1 { ready.push(p, date: dates[p]) }
                }
            }
        } else {
            var stack = Array(tips.reversed())
            while let n = stack.popLast() {
                out.append(n)
                for p in followed[n] {
                    guard let c = childCount[p], c > 0 else { continue }
                    childCount[p] = c - 1
                    if c == 1 { stack.append(p) }
                }
            }
        }
        return out
    }
}
