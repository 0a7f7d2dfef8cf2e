import PfadStore

/// `lstat` of many work-tree paths on all cores, as git's index preload
/// does: on a large index the system calls, not the comparisons, dominate
/// `status`.
enum ParallelStat {
    /// Below this many paths one thread is faster than starting more.
    static let threshold = 1_000

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
    static func lstat(_ entries: [IndexEntry], root: String) -> [StatData?] {
        func chunk(_ range: Range<Int>) -> [StatData?] {
            var statter = DirectoryStatter(root: root)
            return range.map { statter.lstat(entries[$0].path) }
        }
        return (try? ParallelChunks.map(count: entries.count, threshold: threshold, chunk)) ?? chunk(0..<entries.count)
    }
}
