import PfadObjects
import Testing

@testable import PfadStore

/// `PackWriter.stream` gives the same bytes as writing a pack file, in
/// pieces, across several compression batches.
@Suite struct PackWriterStreamTests {
    @Test func streamMatchesTheFileAndIsCutIntoPieces() throws {
        let scratch = try Scratch("packstream")
        defer { scratch.remove() }
        let algorithm = HashAlgorithm.sha1
        // More entries than one batch, some content large enough to pass 64 KiB in total.
        let contents = (0..<(PackWriter.batchSize * 2 + 7)).map { i in
            Array("Leitfaden \(i) für Bad Berleburg, Öffnungszeiten \(i * 7919)\n".utf8)
                + [UInt8](repeating: UInt8(i % 251), count: i % 300)
        }
        let entries = contents.map { PackEntry(id: algorithm.objectID(type: .blob, content: $0), type: .blob, content: $0) }
        let order = Array(entries.indices.reversed())
        let writer = PackWriter(algorithm: algorithm)
        var pieces: [[UInt8]] = []
        var written: [Int] = []
        let streamed = try writer.stream(entries, order: order, to: { pieces.append(Array($0)) }, progress: { written.append($0) })
        let installed = try PackInstaller(packDirectory: scratch.path + "/pack").write(entries, order: order, writer: writer)
        let file = try #require(scratch.read("pack/pack-\(installed.pack.checksum.hex).pack"))
        #expect(pieces.joined().elementsEqual(file))
        #expect(pieces.count > 2)
        #expect(streamed.checksum == installed.pack.checksum)
        #expect(streamed.objects == installed.pack.objects)
        #expect(written == [PackWriter.batchSize, PackWriter.batchSize * 2, entries.count])
    }

    @Test func aDeltaWithoutContentThatMustBeWholeIsAnError() throws {
        let id = HashAlgorithm.sha1.nullID
        // A cycle forces entry 0 to be written whole, but it has no content.
        let entries = [
            PackEntry(id: id, type: .blob, content: [], delta: DeltaChoice(base: 1, delta: [1, 2], depth: 1)),
            PackEntry(id: id, type: .blob, content: [], delta: DeltaChoice(base: 0, delta: [1, 2], depth: 1)),
        ]
        #expect(throws: StoreError.self) {
            _ = try PackWriter(algorithm: .sha1).stream(entries, order: [0, 1], to: { _ in })
        }
    }
}
