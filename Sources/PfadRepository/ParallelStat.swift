import Foundation

/// `lstat` of many work-tree paths on all cores, as git's index preload
/// does: on a large index the system calls, not the comparisons, dominate
/// `status`.
enum ParallelStat {
    /// Below this many paths one thread is faster than starting more.
    static let threshold = 1_000

    /// The stat data of each of `paths` (relative to `root`), nil where absent.
    static func lstat(_ paths: [[UInt8]], root: String) -> [StatData?] {
        if paths.count < threshold {
            var statter = DirectoryStatter(root: root)
            return paths.map { statter.lstat($0) }
        }
        let results = StatResults(count: paths.count)
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1) * 2, 8)
        let chunk = (paths.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var statter = DirectoryStatter(root: root)
            let start = worker * chunk
            let end = min(start + chunk, paths.count)
            guard start < end else { return }
            for i in start..<end { results.set(i, statter.lstat(paths[i])) }
        }
        return results.values
    }
}

/// One slot per path; each slot is written by exactly one worker.
private final class StatResults: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<StatData?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ i: Int, _ value: StatData?) { storage[i] = value }

    var values: [StatData?] { Array(storage) }
}
