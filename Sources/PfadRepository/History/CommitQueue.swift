/// A max-heap of commits by commit date; equal dates leave in the order
/// they entered (as git's date-ordered lists do). O(log n) push and pop.
struct CommitQueue {
    private struct Item {
        var date: Int64
        var sequence: Int
        var node: Int
    }

    private var heap: [Item] = []
    private var nextSequence = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The date of the commit `pop` would return next.
    var topDate: Int64? { heap.first?.date }

    /// The queued nodes, in no particular order.
    var nodes: some Sequence<Int> { heap.lazy.map(\.node) }

    private static func before(_ a: Item, _ b: Item) -> Bool {
        a.date != b.date ? a.date > b.date : a.sequence < b.sequence
    }

    mutating func push(_ node: Int, date: Int64) {
        heap.append(Item(date: date, sequence: nextSequence, node: node))
        nextSequence += 1
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.before(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < heap.count, Self.before(heap[l], heap[best]) { best = l }
                if r < heap.count, Self.before(heap[r], heap[best]) { best = r }
                if best == i { break }
                heap.swapAt(i, best)
                i = best
            }
        }
        return top.node
    }
}
