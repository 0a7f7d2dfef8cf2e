import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadTransport

/// A bare repository in /dev/shm with a small hand-built history, written
/// object by object through the store (no processes):
///
///     c1 ── c2 ── c3 ──────── c5 (main, merge)
///      │     └ v1 (annotated)  │
///      └──── c4 (topic) ───────┘
///
/// Files: `README`, `dir/x` (changes each commit), `Straße.md` (from c2).
struct HistoryFixture {
    let root: String
    let repository: Repository
    var commits: [String: ObjectID] = [:]
    var tag: ObjectID

    init(algorithm: HashAlgorithm = .sha1) throws {
        root = "/dev/shm/pfad-upload-test-\(UUID().uuidString)"
        repository = try Repository.initialize(at: root, bare: true, algorithm: algorithm, initialBranch: "main").0
        let store = repository.objects
        func blob(_ text: String) throws -> ObjectID { try store.write(type: .blob, content: Array(text.utf8)) }
        func tree(_ entries: [(String, FileMode, ObjectID)]) throws -> ObjectID {
            let tree = Tree(entries: Tree.sorted(entries.map { TreeEntry(mode: $0.1, name: Array($0.0.utf8), id: $0.2) }))
            return try store.write(type: .tree, content: tree.serialized())
        }
        var time: Int64 = 1_700_000_000
        func commit(_ files: [String: String], parents: [ObjectID], _ message: String) throws -> ObjectID {
            var top: [(String, FileMode, ObjectID)] = []
            var inner: [(String, FileMode, ObjectID)] = []
            for (path, text) in files {
                if path.hasPrefix("dir/") {
                    inner.append((String(path.dropFirst(4)), .regular, try blob(text)))
                } else {
                    top.append((path, .regular, try blob(text)))
                }
            }
            if !inner.isEmpty { top.append(("dir", .directory, try tree(inner))) }
            time += 60
            let who = Signature(name: Array("Anna Schäfer".utf8), email: Array("anna@arnsberg.example".utf8), time: time, offsetMinutes: 60)
            let value = Commit(tree: try tree(top), parents: parents, author: who, committer: who, message: Array((message + "\n").utf8))
            return try store.write(type: .commit, content: value.serialized())
        }
        let long = (1...60).map { "Zeile \($0): Öffnungszeiten des Rathauses in Arnsberg, Führungen täglich." }.joined(separator: "\n")
        let c1 = try commit(["README": "Leitfaden\n", "dir/x": long + "\nx1\n"], parents: [], "c1")
        let c2 = try commit(["README": "Leitfaden\n", "dir/x": long + "\nx2\n", "Straße.md": "Soest\n"], parents: [c1], "c2")
        let c3 = try commit(["README": "Leitfaden 3\n", "dir/x": long + "\nx3\n", "Straße.md": "Soest\n"], parents: [c2], "c3")
        let c4 = try commit(["README": "Leitfaden\n", "dir/x": long + "\nx4\n"], parents: [c1], "c4")
        let c5 = try commit(["README": "Leitfaden 3\n", "dir/x": long + "\nx5\n", "Straße.md": "Soest\n"], parents: [c3, c4], "c5")
        commits = ["c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5]
        let tagger = Signature(name: Array("Agentur".utf8), email: Array("release@example".utf8), time: time, offsetMinutes: 60)
        let tagValue = Tag(object: c2, type: .commit, name: Array("v1".utf8), tagger: tagger, message: Array("Version 1\n".utf8))
        tag = try store.write(type: .tag, content: tagValue.serialized())
        _ = try repository.refs.update(Array("refs/heads/main".utf8), to: c5, expected: .any, reflog: nil)
        _ = try repository.refs.update(Array("refs/heads/topic".utf8), to: c4, expected: .any, reflog: nil)
        _ = try repository.refs.update(Array("refs/tags/v1".utf8), to: tag, expected: .any, reflog: nil)
    }

    /// Every object reachable from `starts`: a plain walk written for the
    /// tests (independent of the generator's).
    func reachable(_ starts: [ObjectID]) throws -> Set<ObjectID> {
        var seen = Set<ObjectID>()
        var stack = starts
        let algorithm = repository.algorithm
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let raw = try repository.objects.read(id) else { continue }
            switch raw.type {
            case .commit:
                let commit = try Commit.parse(raw.content, algorithm: algorithm)
                stack.append(commit.tree)
                stack += commit.parents
            case .tree:
                stack += try Tree.parse(raw.content, algorithm: algorithm).entries.map(\.id)
            case .tag:
                stack.append(try Tag.parse(raw.content, algorithm: algorithm).object)
            case .blob:
                break
            }
        }
        return seen
    }

    /// The ids in a pack, by indexing it with the store's `PackIndexer`
    /// (which checks every object's hash).
    func packObjects(_ pack: [UInt8]) throws -> [ObjectID] {
        let indexed = try pack.withUnsafeBytes { try PackIndexer(algorithm: repository.algorithm, path: "test.pack").index($0) }
        return indexed.objects.map(\.id)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
