/// At most `count` service runs (pack generation for fetches, pack
/// indexing for pushes) at once; further requests wait in arrival order
/// for a slot instead of all competing for memory and cores.
actor ServiceSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `count` slots (at least one).
    init(count: Int) {
        free = max(1, count)
    }

    /// Takes a slot, waiting for one if all are taken (first come, first served).
    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back: to the longest waiting request, if any.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Requests waiting now (tests, logs).
    var waitingCount: Int { waiting.count }
}
