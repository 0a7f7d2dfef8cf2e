import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// Builds the pack a push sends: every object reachable from the new tips
/// and not known to the remote, where "known" means reachable from the
/// remote's tips that exist locally (commits by a history walk; trees and
/// blobs as far as the trees of those tips reach — objects the remote
/// already has may be sent again, never one it lacks). Objects are stored
/// whole (no deltas), commits first, then tags, then trees and blobs.
/// O(objects sent + objects in the remote tips' trees).
public struct PushPackBuilder {
    /// The repository pushing.
    public let repository: Repository

    /// A builder for `repository`.
    public init(repository: Repository) {
        self.repository = repository
    }

    /// The objects to send for `tips` given the remote's `known` tips.
    public func entries(tips: [ObjectID], known: [ObjectID]) throws -> [PackEntry] {
        let store = repository.objects
        var result: [PackEntry] = []
        var tags: [PackEntry] = []
        var sent = Set<ObjectID>()
        let knownHere = known.filter { store.contains($0) }
        var skip = Set<ObjectID>(knownHere)
        var commitTips: [ObjectID] = []
        for tip in tips {
            var current = tip
            while true {
                guard !skip.contains(current), let raw = try store.read(current) else { break }
                if raw.type == .tag {
                    if sent.insert(current).inserted { tags.append(PackEntry(id: current, type: .tag, content: raw.content)) }
                    current = try repository.readTag(current).object
                    continue
                }
                if raw.type == .commit { commitTips.append(current) }
                else if sent.insert(current).inserted {
                    result.append(PackEntry(id: current, type: raw.type, content: raw.content))
                    if raw.type == .tree { try addTree(current, into: &result, sent: &sent, skip: skip) }
                }
                break
            }
        }
        let knownCommits = knownHere.compactMap { try? repository.peel($0, to: .commit) }
        for commit in knownCommits {
            try collectTree(try repository.readCommit(commit).tree, into: &skip)
        }
        guard !commitTips.isEmpty else { return result + tags }
        let walk = try RevisionWalk(cache: CommitCache(repository), include: commitTips, exclude: knownCommits)
        var commits: [PackEntry] = []
        var trees: [ObjectID] = []
        while let id = try walk.next() {
            guard sent.insert(id).inserted, let raw = try store.read(id) else { continue }
            commits.append(PackEntry(id: id, type: .commit, content: raw.content))
            trees.append(try walk.commit(id).tree)
        }
        var rest = result
        for tree in trees where !skip.contains(tree) && sent.insert(tree).inserted {
            guard let raw = try store.read(tree) else { throw RepositoryError.missingObject(tree) }
            rest.append(PackEntry(id: tree, type: .tree, content: raw.content))
            try addTree(tree, into: &rest, sent: &sent, skip: skip)
        }
        return commits + tags + rest
    }

    /// The pack bytes for `entries` (written through `PackWriter`).
    public func pack(_ entries: [PackEntry]) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "pfad-push-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).pack"
        let fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0o600)
        guard fd >= 0 else { throw StoreError.io(operation: "create", path: path, errno: errno) }
        defer {
            close(fd)
            unlink(path)
        }
        _ = try PackWriter(algorithm: repository.algorithm).write(entries, order: Array(entries.indices), to: fd, path: path)
        guard let bytes = try POSIX.readFile(path) else { throw StoreError.io(operation: "read", path: path, errno: ENOENT) }
        return bytes
    }

    private func addTree(_ id: ObjectID, into result: inout [PackEntry], sent: inout Set<ObjectID>, skip: Set<ObjectID>) throws {
        var stack = [id]
        while let tree = stack.popLast() {
            for entry in try repository.readTree(tree).entries where !entry.mode.isGitlink {
                guard !skip.contains(entry.id), sent.insert(entry.id).inserted else { continue }
                guard let raw = try repository.objects.read(entry.id) else { throw RepositoryError.missingObject(entry.id) }
                result.append(PackEntry(id: entry.id, type: raw.type, content: raw.content))
                if entry.isDirectory { stack.append(entry.id) }
            }
        }
    }

    private func collectTree(_ id: ObjectID, into set: inout Set<ObjectID>) throws {
        guard set.insert(id).inserted else { return }
        var stack = [id]
        while let tree = stack.popLast() {
            guard let parsed = try? repository.readTree(tree) else { continue }
            for entry in parsed.entries where !entry.mode.isGitlink && set.insert(entry.id).inserted {
                if entry.isDirectory { stack.append(entry.id) }
            }
        }
    }
}
