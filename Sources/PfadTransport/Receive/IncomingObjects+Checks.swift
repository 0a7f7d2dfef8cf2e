import PfadObjects
import PfadRepository
import PfadStore

extension IncomingObjects {
    /// Every object a new tree names `.gitmodules` must be a blob that
    /// `GitmodulesCheck` finds no error in (read from the pack, or from the
    /// repository for a thin pack; absent ones are left to the
    /// connectivity check).
    /// - Throws: `TransportError.objectRejected` with git's message id.
    static func checkGitmodules(_ ids: [ObjectID], store: ObjectStore, existing: ObjectStore) throws {
        var seen = Set<ObjectID>()
        for id in ids where seen.insert(id).inserted {
            guard let object = try store.read(id) ?? existing.read(id) else { continue }
            guard object.type == .blob else {
                throw TransportError.objectRejected(id: id.hex, detail: "gitmodulesBlob: non-blob found at .gitmodules")
            }
            if let finding = GitmodulesCheck.findings(in: object.content, strict: true).first(where: { $0.severity == .error }) {
                throw TransportError.objectRejected(id: id.hex, detail: finding.description)
            }
        }
    }

    /// No new tree may nest deeper than `limit` (`TreeDepths`), counting
    /// the existing trees below it, which are read from `existing`.
    /// - Throws: `TransportError.objectRejected` (`treeTooDeep`).
    static func checkDepth(of subtrees: [ObjectID: [ObjectID]], existing: ObjectStore, algorithm: HashAlgorithm, limit: Int) throws {
        var depths = TreeDepths()
        func children(_ id: ObjectID) throws -> [ObjectID]? {
            if let known = subtrees[id] { return known }
            guard let raw = try existing.read(id), raw.type == .tree,
                let tree = try? Tree.parse(raw.content, algorithm: algorithm)
            else { return nil }
            return tree.entries.filter(\.mode.isDirectory).map(\.id)
        }
        for id in subtrees.keys.sorted() {
            guard try depths.depth(of: id, subtrees: children) <= limit else {
                throw TransportError.objectRejected(
                    id: id.hex, detail: "treeTooDeep: " + FsckOperation.treeTooDeepMessage(limit: limit))
            }
        }
    }
}
