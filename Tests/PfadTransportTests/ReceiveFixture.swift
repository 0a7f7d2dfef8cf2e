import Foundation
import PfadObjects
import PfadRepository
import PfadStore
@testable import PfadTransport

/// A throwaway repository in /dev/shm to push into, hand-made objects and
/// packs, and a way to run one stateless push against it.
final class ReceiveFixture {
    let root: String
    let repository: Repository
    var algorithm: HashAlgorithm { repository.algorithm }

    init(bare: Bool = true, algorithm: HashAlgorithm = .sha1) throws {
        root = "/dev/shm/pfad-receive-\(UUID().uuidString)"
        repository = try Repository.initialize(at: root, bare: bare, algorithm: algorithm, initialBranch: "main").0
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// An object kept in memory (not in the repository).
    struct Object {
        var type: ObjectType
        var content: [UInt8]
        var id: ObjectID
    }

    func object(_ type: ObjectType, _ content: [UInt8]) -> Object {
        Object(type: type, content: content, id: algorithm.objectID(type: type, content: content))
    }

    func blob(_ text: String) -> Object { object(.blob, Array(text.utf8)) }

    /// A tree with entries `(mode, name, id)`, sorted by the caller.
    func tree(_ entries: [(String, String, ObjectID)]) -> Object {
        var bytes: [UInt8] = []
        for (mode, name, id) in entries { bytes += Array("\(mode) \(name)".utf8) + [0] + id.bytes }
        return object(.tree, bytes)
    }

    func commit(tree: ObjectID, parents: [ObjectID] = [], message: String = "Wanderweg\n", time: Int = 1_700_000_000) -> Object {
        var text = "tree \(tree.hex)\n"
        for parent in parents { text += "parent \(parent.hex)\n" }
        text += "author A U Thor <author@example.com> \(time) +0100\ncommitter C O Mitter <committer@example.com> \(time) +0100\n\n\(message)"
        return object(.commit, Array(text.utf8))
    }

    /// A simple commit with one file and its blob and tree.
    func snapshot(_ text: String, parents: [ObjectID] = [], time: Int = 1_700_000_000) -> [Object] {
        let blob = blob(text)
        let tree = tree([("100644", "weg.txt", blob.id)])
        return [blob, tree, commit(tree: tree.id, parents: parents, time: time)]
    }

    /// Stores objects in the repository directly (loose).
    func store(_ objects: [Object]) throws {
        for object in objects { _ = try repository.objects.write(type: object.type, content: object.content) }
    }

    /// A version-2 pack of whole objects (`gitformat-pack.txt`).
    func pack(_ objects: [Object]) -> [UInt8] {
        var bytes = Array("PACK".utf8) + [0, 0, 0, 2]
        let count = UInt32(objects.count)
        bytes += [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        for object in objects {
            let code: UInt8 = switch object.type { case .commit: 1; case .tree: 2; case .blob: 3; case .tag: 4 }
            var size = object.content.count
            var byte = code << 4 | UInt8(size & 0x0F)
            size >>= 4
            while size > 0 {
                bytes.append(byte | 0x80)
                byte = UInt8(size & 0x7F)
                size >>= 7
            }
            bytes.append(byte)
            bytes += Zlib.deflate(object.content)
        }
        return bytes + algorithm.digest(bytes).bytes
    }

    /// The request body: commands (capabilities on the first), flush, pack.
    func request(_ commands: [(ObjectID?, ObjectID?, String)], capabilities: String = "report-status", pack: [UInt8]?) throws -> [UInt8] {
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        for (index, (old, new, name)) in commands.enumerated() {
            var line = (old ?? algorithm.nullID).hexBytes + [0x20] + (new ?? algorithm.nullID).hexBytes + [0x20] + Array(name.utf8)
            if index == 0 { line += [0] + Array(capabilities.utf8) }
            try writer.data(line + [0x0A])
        }
        try writer.flush()
        return sink.bytes + (pack ?? [])
    }

    /// Runs one stateless push; returns the report lines (without the flush).
    func push(
        _ commands: [(ObjectID?, ObjectID?, String)], capabilities: String = "report-status", pack: [UInt8]?,
        policy: ReceivePolicy = ReceivePolicy()
    ) throws -> [String] {
        let handler = ReceivePack(repository: try reopened(), version: .v0, stateless: true, policy: policy)
        let sink = BufferSink()
        try handler.respond(to: BufferSource(try request(commands, capabilities: capabilities, pack: pack)), into: sink)
        let reader = PktLineReader(BufferSource(sink.bytes))
        var lines: [String] = []
        while let packet = try reader.nextOrEnd(), packet != .flush {
            lines.append(packet.text ?? "")
        }
        return lines
    }

    func reopened() throws -> Repository {
        try Repository(gitDirectory: repository.gitDirectory, workTree: repository.workTree)
    }

    /// `name → id` of every ref.
    func refs() throws -> [String: String] {
        var result: [String: String] = [:]
        for (name, id) in try reopened().refs.all() { result[String(decoding: name, as: UTF8.self)] = id.hex }
        return result
    }

    /// Every path under `objects/`, sorted (to see that nothing was added).
    func objectFiles() throws -> [String] {
        let base = repository.gitDirectory + "/objects"
        return (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).sorted()
    }

    func setRef(_ name: String, _ id: ObjectID) throws {
        try repository.refs.update(Array(name.utf8), to: id, expected: .any, reflog: nil)
    }
}
