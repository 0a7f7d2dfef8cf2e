#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadStore

/// `lstat` of many work-tree paths on several threads, as git's index
/// preload does: on a large index the system calls, not the comparisons,
/// dominate `status`.
enum ParallelStat {
    /// Below this many paths one thread is faster than starting more.
    static let threshold = 1_000
    /// git's preload: one thread per 500 entries, at most 20 threads. More
    /// threads than cores matter on a busy machine, where the kernel shares
    /// CPU time per thread: with one thread per core `status` waited for CPU
    /// time that git's 20 threads got (measured in Benchmarks/README.md).
    static let entriesPerThread = 500
    static let maximumThreads = 20

    /// The stat data of each of `paths` (relative to `root`), nil where absent.
    static func lstat(_ paths: [[UInt8]], root: String) -> [StatData?] {
        // Chunks are contiguous, so each worker walks whole folders in index order.
        func chunk(_ range: Range<Int>) -> [StatData?] {
            var statter = DirectoryStatter(root: root)
            return range.map { statter.lstat(paths[$0]) }
        }
        // `chunk` cannot throw; the fallback only satisfies the type checker.
        return (try? ParallelChunks.map(count: paths.count, threshold: threshold, chunk)) ?? chunk(0..<paths.count)
    }

    /// The stat data of each entry's path (relative to `root`), nil where
    /// absent; the paths are read in place (no array of paths is built).
    /// Runs on `min(20, count / 500)` threads, as git's preload does.
    static func lstat(_ entries: [IndexEntry], root: String) -> [StatData?] {
        let count = entries.count
        let threads = count < threshold ? 1 : min(maximumThreads, max(count / entriesPerThread, 1))
        let job = StatJob(entries: entries, root: root, parts: threads)
        guard threads > 1 else {
            job.run(part: 0)
            return job.results
        }
        var started: [pthread_t] = []
        for part in 1..<threads {
            let context = Unmanaged.passRetained(StatTask(job: job, part: part)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, statThreadMain, context) == 0 {
                started.append(thread)
            } else {
                // No thread: do that part here.
                Unmanaged<StatTask>.fromOpaque(context).takeRetainedValue().run()
            }
        }
        job.run(part: 0)
        for thread in started { pthread_join(thread, nil) }
        return job.results
    }
}

/// An `lstat` preload of index entries that runs on its own threads (git's
/// count: one per 500 entries, at most 20) while the caller does other work —
/// `status` walks the work tree for untracked files meanwhile. Small indexes
/// (below `ParallelStat.threshold`) are statted in `results()` instead.
final class StatPreload {
    private var job: StatJob?
    private var threads: [pthread_t] = []
    /// True for a small index, statted on the caller's thread in `results()`.
    private let inline: Bool

    /// Starts the threads for `entries` (paths relative to `root`).
    init(_ entries: [IndexEntry], root: String) {
        let count = entries.count
        inline = count < ParallelStat.threshold
        guard !inline else {
            job = StatJob(entries: entries, root: root, parts: 1)
            return
        }
        let parts = min(ParallelStat.maximumThreads, max(count / ParallelStat.entriesPerThread, 1))
        let job = StatJob(entries: entries, root: root, parts: parts)
        self.job = job
        for part in 0..<parts {
            let context = Unmanaged.passRetained(StatTask(job: job, part: part)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, statThreadMain, context) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<StatTask>.fromOpaque(context).takeRetainedValue().run()
            }
        }
    }

    deinit { join() }

    /// Waits for the threads and returns the stat data of each entry, nil
    /// where absent; afterwards the preload holds no reference to the entries
    /// (so the caller can change them without a copy). Call once.
    func results() -> [StatData?] {
        if inline { job?.run(part: 0) }
        join()
        let out = job?.results ?? []
        job = nil
        return out
    }

    private func join() {
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }
}

/// The entry point of a preload thread: runs its task and releases it.
private func statThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<StatTask>.fromOpaque(context).takeRetainedValue().run()
    return nil
}

/// One thread's share of a `StatJob`.
private final class StatTask {
    let job: StatJob
    let part: Int
    init(job: StatJob, part: Int) {
        self.job = job
        self.part = part
    }
    func run() { job.run(part: part) }
}

/// The entries to stat and the result slots; each part writes only its own
/// contiguous slots, and the results are read after every thread is joined.
private final class StatJob: @unchecked Sendable {
    let entries: [IndexEntry]
    let root: String
    let chunk: Int
    private let slots: UnsafeMutableBufferPointer<StatData?>

    init(entries: [IndexEntry], root: String, parts: Int) {
        self.entries = entries
        self.root = root
        self.chunk = (entries.count + parts - 1) / max(parts, 1)
        slots = .allocate(capacity: max(entries.count, 1))
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Stats part `part` of the entries (contiguous, so whole folders stay together).
    func run(part: Int) {
        let start = part * chunk
        let end = min(start + chunk, entries.count)
        guard start < end else { return }
        var statter = DirectoryStatter(root: root)
        for i in start..<end { slots[i] = statter.lstat(entries[i].path) }
    }

    /// The results in entry order (call after all parts are done).
    var results: [StatData?] { Array(slots.prefix(entries.count)) }
}
