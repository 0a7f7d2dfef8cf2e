import PfadObjects
import Testing

@testable import PfadStore

/// Pack write order and layout (entry header bytes are in
/// `PackEntryHeaderTests`); the packs themselves are checked by git in
/// `PackWriteInteropTests`.
@Suite struct PackWriterTests {
    @Test func basesAreWrittenBeforeTheirDeltas() {
        let id = HashAlgorithm.sha1.nullID
        let entries = [
            PackEntry(id: id, type: .blob, content: [1], delta: DeltaChoice(base: 2, delta: [], depth: 2)),
            PackEntry(id: id, type: .blob, content: [2]),
            PackEntry(id: id, type: .blob, content: [3], delta: DeltaChoice(base: 1, delta: [], depth: 1)),
            // A delta on an object of another type, and a cycle, are written whole.
            PackEntry(id: id, type: .tree, content: [4], delta: DeltaChoice(base: 1, delta: [], depth: 1)),
            PackEntry(id: id, type: .blob, content: [5], delta: DeltaChoice(base: 5, delta: [], depth: 1)),
            PackEntry(id: id, type: .blob, content: [6], delta: DeltaChoice(base: 4, delta: [], depth: 1)),
        ]
        let (sequence, whole) = PackWriter.sequence(entries, order: [0, 1, 2, 3, 4, 5])
        #expect(sequence == [1, 2, 0, 3, 5, 4])
        #expect(whole == [3, 5])
        #expect(Set(sequence).count == entries.count)
    }

    @Test func packLayoutAndIndexFanout() throws {
        let scratch = try Scratch("packwriter")
        defer { scratch.remove() }
        let algorithm = HashAlgorithm.sha256
        let contents = (0..<5).map { Array("Leitfaden \($0) für Olpe\n".utf8) }
        let entries = contents.map { PackEntry(id: algorithm.objectID(type: .blob, content: $0), type: .blob, content: $0) }
        let installed = try PackInstaller(packDirectory: scratch.path + "/pack").write(
            entries, order: [4, 3, 2, 1, 0], writer: PackWriter(algorithm: algorithm))
        let pack = try #require(scratch.read("pack/pack-\(installed.pack.checksum.hex).pack"))
        let index = try #require(scratch.read("pack/pack-\(installed.pack.checksum.hex).idx"))
        // "PACK", version 2, 5 objects; trailer = hash of the rest.
        #expect(Array(pack.prefix(12)) == [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 2, 0, 0, 0, 5])
        #expect(algorithm.digest(Array(pack.dropLast(32))) == installed.pack.checksum)
        #expect(installed.pack.objects.map(\.id) == [4, 3, 2, 1, 0].map { entries[$0].id })
        // idx v2: magic, version, fan-out[255] = 5, pack checksum before the index's own hash.
        #expect(Array(index.prefix(8)) == [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2])
        #expect(Array(index[(8 + 255 * 4)..<(8 + 256 * 4)]) == [0, 0, 0, 5])
        #expect(Array(index.dropLast(32).suffix(32)) == installed.pack.checksum.bytes)
        #expect(algorithm.digest(Array(index.dropLast(32))).bytes == Array(index.suffix(32)))
        #expect(scratch.list("pack").count == 2)
    }
}
