import PfadObjects

/// blame's own small commit walker: commits waiting to pass on blame,
/// newest committer date first, equal dates in insertion order.
///
/// A binary heap; push and pop O(log n). (Kept here until the shared
/// revision walker of the log work is available.)
struct BlameQueue {
    private struct Item {
        var time: Int64
        var sequence: Int
        var commit: ObjectID

        func precedes(_ other: Item) -> Bool {
            time != other.time ? time > other.time : sequence < other.sequence
        }
    }

    private var heap: [Item] = []
    private var counter = 0

    /// Whether no commit waits.
    var isEmpty: Bool { heap.isEmpty }

    /// Adds a commit with its committer time.
    mutating func push(_ commit: ObjectID, time: Int64) {
        heap.append(Item(time: time, sequence: counter, commit: commit))
        counter += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the newest commit.
    mutating func pop() -> ObjectID? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < heap.count, heap[left].precedes(heap[best]) { best = left }
                if right < heap.count, heap[right].precedes(heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return top.commit
    }
}
