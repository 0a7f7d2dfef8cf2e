import PfadObjects
import PfadStore

/// Every object reachable from the refs, `HEAD`, the reflogs and the index,
/// with its content and the path it was first reached by, in git's pack
/// order (`Documentation/technical/pack-heuristics.txt`): commits newest
/// first as the walk meets them, then tags, then trees and blobs in the order
/// the commits' trees are walked — the order a clone reads them in.
struct ReachableObjects {
    /// One object found by the walk.
    struct Object {
        var id: ObjectID
        var raw: RawObject
        var path: [UInt8]
    }

    /// The objects, in pack order.
    private(set) var objects: [Object] = []
    private var seen = Set<ObjectID>()
    let repository: Repository

    /// Walks from every root. O(reachable objects); reads each one once.
    /// - Throws: `RepositoryError.missingObject` when a reachable object is
    ///   absent (git's gc stops then too), parse errors for damaged objects.
    init(_ repository: Repository, read: (ObjectID) throws -> RawObject?, progress: ((Int) -> Void)? = nil) throws {
        self.repository = repository
        let (roots, optional) = try Self.roots(of: repository)
        let algorithm = repository.algorithm
        var commits: [(id: ObjectID, raw: RawObject)] = []
        var tags: [Object] = []
        var others: [(id: ObjectID, path: [UInt8])] = []
        var stack = roots.reversed().map { $0 }
        var queued = Set<ObjectID>()
        // Commits and tags first (depth-first, first parent first).
        while let id = stack.popLast() {
            guard queued.insert(id).inserted else { continue }
            guard let raw = try read(id) else {
                if optional.contains(id) { continue }
                throw RepositoryError.missingObject(id)
            }
            switch raw.type {
            case .commit:
                commits.append((id, raw))
                let commit = try Commit.parse(raw.content, algorithm: algorithm)
                others.append((commit.tree, []))
                stack.append(contentsOf: commit.parents.reversed())
            case .tag:
                tags.append(Object(id: id, raw: raw, path: []))
                stack.append(try Tag.parse(raw.content, algorithm: algorithm).object)
            case .tree, .blob:
                queued.remove(id)
                others.append((id, []))
            }
            progress?(commits.count + tags.count)
        }
        for (id, raw) in commits {
            seen.insert(id)
            objects.append(Object(id: id, raw: raw, path: []))
        }
        for tag in tags where seen.insert(tag.id).inserted { objects.append(tag) }
        for (id, path) in others {
            try walk(id, path: path, read: read, algorithm: algorithm)
            progress?(objects.count)
        }
    }

    /// Adds `id` and, for a tree, everything below it (iteratively).
    private mutating func walk(_ id: ObjectID, path: [UInt8], read: (ObjectID) throws -> RawObject?, algorithm: HashAlgorithm) throws {
        var stack: [(ObjectID, [UInt8])] = [(id, path)]
        while let (current, currentPath) = stack.popLast() {
            guard !seen.contains(current) else { continue }
            guard let raw = try read(current) else { throw RepositoryError.missingObject(current) }
            seen.insert(current)
            objects.append(Object(id: current, raw: raw, path: currentPath))
            guard raw.type == .tree else { continue }
            let tree = try Tree.parse(raw.content, algorithm: algorithm)
            for entry in tree.entries.reversed() where entry.mode != .gitlink && !seen.contains(entry.id) {
                let child = currentPath.isEmpty ? entry.name : currentPath + [0x2F] + entry.name
                stack.append((entry.id, child))
            }
        }
    }

    /// The starting points: every ref, `HEAD`, reflog entries, index entries.
    /// The second set holds roots that may be absent (old reflog entries).
    static func roots(of repository: Repository) throws -> ([ObjectID], Set<ObjectID>) {
        var roots: [ObjectID] = []
        let head = try? repository.refs.resolve(Array("HEAD".utf8))
        if let head { roots.append(head) }
        let refs = try repository.refs.all(prefix: Array("refs/".utf8))
        roots += refs.map(\.id)
        // Reflog entries keep their commits alive, as in git's gc.
        var optional = Set<ObjectID>()
        for name in [Array("HEAD".utf8)] + refs.map(\.name) {
            for entry in (try? repository.refs.readReflog(name)) ?? [] {
                for id in [entry.new, entry.old] where !id.isNull && !optional.contains(id) {
                    optional.insert(id)
                    roots.append(id)
                }
            }
        }
        if let index = try? IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm) {
            for entry in index.entries where entry.mode != FileMode.gitlink.rawValue { roots.append(entry.id) }
        }
        optional.subtract(refs.map(\.id))
        if let head { optional.remove(head) }
        return (roots, optional)
    }
}
