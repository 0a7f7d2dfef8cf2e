import PfadObjects
import PfadRepository

/// Produces the `have` lines of a fetch negotiation: commits reachable from
/// the local refs, newest commit date first, skipping the ancestors of
/// commits the server acknowledged as common
/// (`Documentation/technical/pack-protocol.txt`, "Packfile Negotiation").
/// O(commits sent); reads each commit once.
public final class HaveWalker {
    private let cache: CommitCache
    private var queue: [(time: Int64, id: ObjectID)] = []
    private var seen = Set<ObjectID>()
    private var common = Set<ObjectID>()

    /// A walk from `tips` (commits; other objects are ignored).
    public init(repository: Repository, tips: [ObjectID]) {
        self.cache = CommitCache(repository)
        for tip in tips { push(tip) }
    }

    /// The next `count` commits to announce (fewer at the end of history).
    public func next(_ count: Int) -> [ObjectID] {
        var batch: [ObjectID] = []
        while batch.count < count, let id = pop() {
            if common.contains(id) {
                markParentsCommon(of: id)
                continue
            }
            batch.append(id)
            if let commit = try? cache.commit(id) { for parent in commit.parents { push(parent) } }
        }
        return batch
    }

    /// Records that the server has `id`: its ancestors are not announced.
    public func markCommon(_ id: ObjectID) {
        common.insert(id)
        markParentsCommon(of: id)
    }

    /// True when every commit has been announced or skipped.
    public var isExhausted: Bool { queue.isEmpty }

    private func markParentsCommon(of id: ObjectID) {
        guard let commit = try? cache.commit(id) else { return }
        for parent in commit.parents {
            common.insert(parent)
            push(parent)
        }
    }

    private func push(_ id: ObjectID) {
        guard seen.insert(id).inserted, let commit = try? cache.commit(id) else { return }
        let entry = (commit.committer.time, id)
        // Binary insertion keeps the queue sorted oldest first; pop takes the newest.
        var low = 0
        var high = queue.count
        while low < high {
            let mid = (low + high) / 2
            if queue[mid].time <= entry.0 { low = mid + 1 } else { high = mid }
        }
        queue.insert(entry, at: low)
    }

    private func pop() -> ObjectID? {
        queue.popLast()?.id
    }
}
