import PfadObjects
import PfadRepository
import PfadStore

/// The objects a pack must carry so that a side holding `haves` gets
/// everything reachable from `wants`, in git's pack order
/// (`Documentation/technical/pack-heuristics.txt`): commits as the walk
/// meets them (newest first, first parent first), then annotated tags,
/// then trees and blobs in the order the commits' trees are walked, each
/// with the path it was first reached by (the delta search groups by it).
///
/// What is left out, as in git's `rev-list --objects wants --not haves`:
/// every commit reachable from a have, and every tree and blob reachable
/// from the *boundary* commits (the haves and the parents of sent commits
/// that the other side has). A blob that only an older, non-boundary commit
/// of the other side holds may be sent again; that costs bytes, never
/// correctness.
struct ObjectEnumeration {
    /// One object to send. Blobs are not read during the walk: their
    /// `content` is nil until the generator needs it.
    struct Object {
        var id: ObjectID
        var type: ObjectType
        var content: [UInt8]?
        var path: [UInt8]

        init(id: ObjectID, raw: RawObject, path: [UInt8]) {
            self.init(id: id, type: raw.type, content: raw.content, path: path)
        }

        init(id: ObjectID, type: ObjectType, content: [UInt8]?, path: [UInt8]) {
            self.id = id
            self.type = type
            self.content = content
            self.path = path
        }
    }

    /// The objects, in pack order.
    private(set) var objects: [Object] = []
    /// Number of commits at the start of `objects`.
    private(set) var commitCount = 0
    private var sent = Set<ObjectID>()
    private var excluded = Set<ObjectID>()
    private let repository: Repository

    /// True if the other side has `id`: a commit reachable from a have, or a
    /// tree or blob of a boundary commit (the bases a thin pack may use).
    func isOnOtherSide(_ id: ObjectID) -> Bool {
        excluded.contains(id)
    }

    /// Enumerates. Haves the repository does not hold are ignored; a want
    /// (or anything reachable from it) that is missing is an error.
    /// `includeTags`: also every annotated tag under `refs/tags/` whose
    /// target is sent (git's `include-tag`). `progress` gets the count so far.
    /// O(objects sent + commits reachable from the haves + boundary trees).
    /// - Throws: `RepositoryError.missingObject`, parse errors of damaged
    ///   objects, `StoreError` for I/O.
    init(
        repository: Repository, wants: [ObjectID], haves: [ObjectID], includeTags: Bool,
        progress: ((Int) -> Void)? = nil
    ) throws {
        self.repository = repository
        let algorithm = repository.algorithm
        // 1. Everything the other side has: the haves' commit closure.
        var haveCommits = Set<ObjectID>()
        var boundary: [ObjectID] = []
        var stack: [ObjectID] = []
        for have in haves {
            guard let peeled = try Self.peel(have, repository: repository) else { continue }
            switch peeled.type {
            case .commit: stack.append(peeled.id); boundary.append(peeled.id)
            case .tree: boundary.append(peeled.id)
            case .blob: excluded.insert(peeled.id)
            case .tag: break
            }
            if peeled.id != have { excluded.insert(have) }
        }
        while let id = stack.popLast() {
            guard haveCommits.insert(id).inserted else { continue }
            guard let raw = try repository.objects.read(id), raw.type == .commit else { continue }
            stack.append(contentsOf: try Commit.parse(raw.content, algorithm: algorithm).parents)
        }
        excluded.formUnion(haveCommits)

        // 2. Commits and tags from the wants, stopping at the other side's.
        var commits: [Object] = []
        var tags: [Object] = []
        var roots: [ObjectID] = []
        var queued = Set<ObjectID>()
        stack = wants.reversed()
        while let id = stack.popLast() {
            guard !excluded.contains(id), queued.insert(id).inserted else { continue }
            guard let raw = try repository.objects.read(id) else { throw RepositoryError.missingObject(id) }
            switch raw.type {
            case .commit:
                commits.append(Object(id: id, raw: raw, path: []))
                let commit = try Commit.parse(raw.content, algorithm: algorithm)
                roots.append(commit.tree)
                for parent in commit.parents where haveCommits.contains(parent) { boundary.append(parent) }
                stack.append(contentsOf: commit.parents.reversed())
            case .tag:
                tags.append(Object(id: id, raw: raw, path: []))
                stack.append(try Tag.parse(raw.content, algorithm: algorithm).object)
            case .tree, .blob:
                queued.remove(id)
                roots.append(id)
            }
            progress?(commits.count + tags.count)
        }

        // 3. Trees and blobs of the boundary are on the other side already.
        var boundaryTrees: [ObjectID] = []
        for id in boundary {
            guard let raw = try repository.objects.read(id) else { continue }
            if raw.type == .commit {
                boundaryTrees.append(try Commit.parse(raw.content, algorithm: algorithm).tree)
            } else if raw.type == .tree {
                boundaryTrees.append(id)
            }
        }
        try excludeTrees(boundaryTrees)

        for commit in commits where sent.insert(commit.id).inserted { objects.append(commit) }
        commitCount = objects.count
        for tag in tags where sent.insert(tag.id).inserted { objects.append(tag) }
        for root in roots {
            try walk(root)
            progress?(objects.count)
        }
        if includeTags { try addTags() }
    }

    /// `id` with annotated tags peeled, and the type found; nil if absent.
    private static func peel(_ id: ObjectID, repository: Repository) throws -> (id: ObjectID, type: ObjectType)? {
        var current = id
        for _ in 0..<64 {
            guard let raw = try repository.objects.read(current) else { return nil }
            guard raw.type == .tag else { return (current, raw.type) }
            current = try Tag.parse(raw.content, algorithm: repository.algorithm).object
        }
        return nil
    }

    /// Marks `trees` and everything below them as present on the other side
    /// (reads trees only, never blobs).
    private mutating func excludeTrees(_ trees: [ObjectID]) throws {
        var stack = trees
        while let id = stack.popLast() {
            guard excluded.insert(id).inserted else { continue }
            guard let raw = try repository.objects.read(id), raw.type == .tree else { continue }
            for entry in try Tree.parse(raw.content, algorithm: repository.algorithm).entries where entry.mode != .gitlink {
                if entry.isDirectory {
                    stack.append(entry.id)
                } else {
                    excluded.insert(entry.id)
                }
            }
        }
    }

    /// Adds `root` and, for a tree, everything below it not yet sent or
    /// excluded, depth first in entry order (iteratively). Trees are read;
    /// blobs are only recorded (a blob's existence is checked when the
    /// generator reads or reuses it).
    private mutating func walk(_ root: ObjectID) throws {
        var stack: [(ObjectID, [UInt8], Bool)] = [(root, [], false)]
        while let (id, path, isBlob) = stack.popLast() {
            guard !excluded.contains(id), sent.insert(id).inserted else { continue }
            if isBlob {
                objects.append(Object(id: id, type: .blob, content: nil, path: path))
                continue
            }
            guard let raw = try repository.objects.read(id) else { throw RepositoryError.missingObject(id) }
            objects.append(Object(id: id, raw: raw, path: path))
            guard raw.type == .tree else { continue }
            let tree = try Tree.parse(raw.content, algorithm: repository.algorithm)
            for entry in tree.entries.reversed() where entry.mode != .gitlink {
                guard !excluded.contains(entry.id), !sent.contains(entry.id) else { continue }
                stack.append((entry.id, path.isEmpty ? entry.name : path + [0x2F] + entry.name, !entry.isDirectory))
            }
        }
    }

    /// git's `include-tag`: annotated tags (and tags of tags) under
    /// `refs/tags/` whose final target is being sent.
    private mutating func addTags() throws {
        for ref in try repository.refs.entries(prefix: Array("refs/tags/".utf8)) {
            var chain: [Object] = []
            var current = ref.id
            for _ in 0..<64 {
                guard let raw = try repository.objects.read(current), raw.type == .tag else { break }
                chain.append(Object(id: current, raw: raw, path: []))
                current = try Tag.parse(raw.content, algorithm: repository.algorithm).object
            }
            guard !chain.isEmpty, sent.contains(current) else { continue }
            for tag in chain where !excluded.contains(tag.id) && sent.insert(tag.id).inserted {
                objects.insert(tag, at: commitCount)
            }
        }
    }
}
