import PfadObjects
import Testing
@testable import PfadStore

/// Hostile packs built by hand after `gitformat-pack`: REF_DELTA entries
/// whose bases form a cycle, in one pack and across two packs.
@Suite struct PackDeltaCycleTests {
    static let x = ObjectID(uncheckedBytes: [UInt8](repeating: 0x11, count: 20))
    static let y = ObjectID(uncheckedBytes: [UInt8](repeating: 0x22, count: 20))

    /// A REF_DELTA entry (type 7) against `base` whose delta inserts one byte.
    static func refDelta(_ base: ObjectID) -> [UInt8] {
        let delta: [UInt8] = [1, 1, 1, 0x61]  // base size 1, result size 1, insert "a"
        // Type 7 in bits 4–6, size 4 in the low nibble, no continuation; then the base id.
        return [0x74] + base.bytes + Zlib.deflate(delta)
    }

    /// Writes a pack of `entries` (id, bytes) and its index into `objects/pack` of `scratch`.
    static func writePack(_ entries: [(ObjectID, [UInt8])], name: String, in scratch: Scratch) throws {
        var pack: [UInt8] = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, UInt8(entries.count)]
        var index: [PackIndexEntry] = []
        for (id, bytes) in entries {
            index.append(PackIndexEntry(id: id, offset: UInt64(pack.count), crc32: CRC32.checksum(bytes)))
            pack += bytes
        }
        let checksum = HashAlgorithm.sha1.digest(pack)
        pack += checksum.bytes
        try scratch.write("objects/pack/pack-\(name).pack", pack)
        try scratch.write(
            "objects/pack/pack-\(name).idx",
            PackIndexWriter.write(entries: index, packChecksum: checksum, algorithm: .sha1))
    }

    @Test func cycleInsideOnePackIsAnErrorNotALoop() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writePack([(Self.x, Self.refDelta(Self.y)), (Self.y, Self.refDelta(Self.x))], name: "a", in: scratch)
        let store = ObjectStore(objectsDirectory: scratch.path + "/objects", algorithm: .sha1)
        #expect(throws: StoreError.self) { _ = try store.read(Self.x) }
        #expect(throws: StoreError.self) { _ = try store.readHeader(Self.y) }
        let bytes = try #require(scratch.read("objects/pack/pack-a.pack"))
        do {
            _ = try bytes.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "a.pack").index($0) }
            Issue.record("expected an error")
        } catch let error as StoreError {
            #expect(error.description == "packfile a.pack: pack has 2 unresolved deltas")
        }
    }

    @Test func cycleAcrossTwoPacksIsAnErrorNotAStackOverflow() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writePack([(Self.x, Self.refDelta(Self.y))], name: "a", in: scratch)
        try Self.writePack([(Self.y, Self.refDelta(Self.x))], name: "b", in: scratch)
        let store = ObjectStore(objectsDirectory: scratch.path + "/objects", algorithm: .sha1)
        #expect(throws: StoreError.self) { _ = try store.read(Self.x) }
        #expect(throws: StoreError.self) { _ = try store.readHeader(Self.x) }
    }

    @Test(arguments: [(1 << 40, 1), (1000, 10_000_000)])
    func absurdOrLyingSizesAreRefusedBeforeAllocating(declared: Int, actual: Int) throws {
        // A blob entry (type 3) declaring `declared` bytes whose zlib stream
        // holds `actual` zero bytes.
        let entry = try PackEntryHeader.encode(.whole(.blob), size: declared, at: 12) + Zlib.deflate([UInt8](repeating: 0, count: actual))
        var pack: [UInt8] = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 1] + entry
        pack += HashAlgorithm.sha1.digest(pack).bytes
        do {
            _ = try pack.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "bomb.pack").index($0) }
            Issue.record("expected an error")
        } catch let error as StoreError {
            #expect(error.description.hasPrefix("packfile bomb.pack at offset 12: "), "\(error)")
        }
    }
}
