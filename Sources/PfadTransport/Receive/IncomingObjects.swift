import PfadObjects
import PfadRepository
import PfadStore

/// The objects of a quarantined pack, checked: with `checkObjects` every
/// commit, tree and tag goes through `ObjectChecker` in strict mode (git's
/// `receive.fsckObjects`, which runs `index-pack --strict`: warnings such
/// as `hasDotgit` are errors), every blob a new tree names `.gitmodules`
/// through `GitmodulesCheck`, and every new tree's depth is held to
/// `maximumTreeDepth`; and every link from a new object (`ObjectLink`:
/// commit → tree and parents, tree → entries except submodules, tag →
/// object) is looked up in the pack or the repository, where it must have
/// the type the link asks for. Links that lead nowhere are remembered so
/// that `isConnected` can refuse the refs that reach them. Blobs are not
/// read, except `.gitmodules`. O(size of the new commits, trees and tags),
/// plus the existing trees below new ones for the depth check.
struct IncomingObjects {
    /// Ids of every object in the pack.
    let ids: Set<ObjectID>
    /// New objects that link to an object found nowhere, with that object.
    private(set) var broken: [ObjectID: ObjectID] = [:]
    /// Links between new objects (only kept to search for `broken` ones).
    private var links: [ObjectID: [ObjectID]] = [:]
    /// Types of the new objects.
    private var types: [ObjectID: ObjectType] = [:]

    /// Reads and checks the objects of `pack` from `store` (the quarantine),
    /// looking links up in `existing` (the repository).
    /// - Throws: `TransportError.objectRejected` for the first object that
    ///   fails a check or links to an object of the wrong type;
    ///   `.corruptPack` for unreadable objects.
    init(
        pack: IndexedPack, store: ObjectStore, existing: ObjectStore, algorithm: HashAlgorithm, checkObjects: Bool,
        maximumTreeDepth: Int = Repository.defaultMaximumTreeDepth
    ) throws {
        ids = Set(pack.objects.map(\.id))
        for object in pack.objects { types[object.id] = object.type }
        let readable = pack.objects.filter { $0.type != .blob }
        // Reading back (delta resolution) and checking run on all cores;
        // the pack's store is thread-safe.
        let outgoing: [[ObjectLink]] = try ParallelChunks.map(count: readable.count) { range in
            try range.map { try Self.links(of: readable[$0].id, in: store, algorithm: algorithm, checkObjects: checkObjects) }
        }
        var gitmodules: [ObjectID] = []
        var subtrees: [ObjectID: [ObjectID]] = [:]
        for (object, targets) in zip(readable, outgoing) {
            var inside: [ObjectID] = []
            for link in targets {
                let actual: ObjectType
                if let type = types[link.target] {
                    actual = type
                    inside.append(link.target)
                } else if let header = try existing.readHeader(link.target) {
                    actual = header.type
                } else {
                    broken[object.id] = link.target
                    continue
                }
                guard actual == link.expectedType else {
                    throw TransportError.objectRejected(
                        id: object.id.hex,
                        detail: "object \(link.target.hex) is a \(actual.rawValue), not a \(link.expectedType.rawValue)")
                }
                guard case let .entry(name, mode) = link.kind else { continue }
                if link.isSubtree { subtrees[object.id, default: []].append(link.target) }
                if !mode.isSymlink, SpecialFileName.gitmodules.matches(name) { gitmodules.append(link.target) }
            }
            if object.type == .tree, subtrees[object.id] == nil { subtrees[object.id] = [] }
            if !inside.isEmpty { links[object.id] = inside }
        }
        if checkObjects {
            try Self.checkGitmodules(gitmodules, store: store, existing: existing)
            try Self.checkDepth(of: subtrees, existing: existing, algorithm: algorithm, limit: maximumTreeDepth)
        }
    }

    /// Reads `id` from `store`, checks it when asked, and returns its links.
    private static func links(of id: ObjectID, in store: ObjectStore, algorithm: HashAlgorithm, checkObjects: Bool) throws -> [ObjectLink] {
        guard let raw = try store.read(id) else {
            throw TransportError.corruptPack("object \(id.hex) cannot be read back")
        }
        if checkObjects {
            let findings = ObjectChecker.check(type: raw.type, content: raw.content, algorithm: algorithm, strict: true)
            if let finding = findings.first(where: { $0.severity == .error }) {
                throw TransportError.objectRejected(id: id.hex, detail: finding.description)
            }
        }
        do {
            return try ObjectLink.links(type: raw.type, content: raw.content, algorithm: algorithm)
        } catch {
            throw TransportError.objectRejected(id: id.hex, detail: "cannot parse \(raw.type): \(error)")
        }
    }

    /// The type of a new object, nil if `id` is not in the pack.
    func type(of id: ObjectID) -> ObjectType? { types[id] }

    /// The missing object reachable from `tip` through new objects, or nil
    /// if `tip`'s history is complete (a tip outside the pack is taken as
    /// complete: the repository is). O(new objects reachable from `tip`)
    /// when something is broken, O(1) otherwise.
    func missingObject(from tip: ObjectID) -> ObjectID? {
        guard !broken.isEmpty, ids.contains(tip) else { return nil }
        var seen: Set<ObjectID> = [tip]
        var stack = [tip]
        while let id = stack.popLast() {
            if let missing = broken[id] { return missing }
            for next in links[id] ?? [] where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return nil
    }
}
