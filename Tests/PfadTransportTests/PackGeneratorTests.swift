import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import Testing

@testable import PfadTransport

@Suite struct PackGeneratorTests {
    @Test(arguments: [HashAlgorithm.sha1, .sha256])
    func cloneSetIsEverythingReachable(algorithm: HashAlgorithm) throws {
        let fixture = try HistoryFixture(algorithm: algorithm)
        defer { fixture.remove() }
        let tips = [fixture.commits["c5"]!, fixture.tag]
        let generator = PackGenerator(repository: fixture.repository)
        let objects = try generator.objects(wants: tips, haves: [])
        #expect(Set(objects) == (try fixture.reachable(tips)))
        #expect(objects.count == Set(objects).count)
        // Pack order: the five commits first, then the tag, then trees and blobs.
        let types = try objects.map { try fixture.repository.objects.read($0)?.type }
        #expect(Array(types.prefix(6)) == [.commit, .commit, .commit, .commit, .commit, .tag])
        #expect(types.dropFirst(6).allSatisfy { $0 == .tree || $0 == .blob })
        #expect(objects.first == fixture.commits["c5"])
    }

    @Test func incrementalSetLeavesOutWhatTheOtherSideHas() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let c5 = fixture.commits["c5"]!
        let c2 = fixture.commits["c2"]!
        let objects = try PackGenerator(repository: fixture.repository).objects(wants: [c5], haves: [c2])
        let expected = try fixture.reachable([c5]).subtracting(try fixture.reachable([c2]))
        #expect(Set(objects) == expected)
        // Nothing new: empty.
        #expect(try PackGenerator(repository: fixture.repository).objects(wants: [c5], haves: [c5]).isEmpty)
    }

    @Test(arguments: [HashAlgorithm.sha1, .sha256])
    func writtenPackIndexesToTheSameSet(algorithm: HashAlgorithm) throws {
        let fixture = try HistoryFixture(algorithm: algorithm)
        defer { fixture.remove() }
        let c5 = fixture.commits["c5"]!
        let c1 = fixture.commits["c1"]!
        let sink = BufferSink()
        var events: [PackGenerator.Progress] = []
        let summary = try PackGenerator(repository: fixture.repository).write(
            wants: [c5], haves: [c1], to: sink, progress: { events.append($0) })
        let packed = try fixture.packObjects(sink.bytes)
        let expected = try fixture.reachable([c5]).subtracting(try fixture.reachable([c1]))
        #expect(Set(packed) == expected)
        #expect(summary.objectCount == expected.count)
        #expect(summary.byteCount == UInt64(sink.bytes.count))
        #expect(summary.checksum.bytes == Array(sink.bytes.suffix(algorithm.digestLength)))
        // The long `dir/x` versions delta against each other.
        #expect(summary.deltaCount > 0)
        if case .writing(let done, let total)? = events.last {
            #expect(done == total && total == expected.count)
        } else {
            Issue.record("no final writing event")
        }
    }

    @Test func includeTagAddsTagsOfSentCommits() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let c3 = fixture.commits["c3"]!
        let sink = BufferSink()
        _ = try PackGenerator(repository: fixture.repository).write(
            wants: [c3], haves: [], options: .init(includeTag: true), to: sink)
        let packed = Set(try fixture.packObjects(sink.bytes))
        #expect(packed.contains(fixture.tag))
        #expect(packed == (try fixture.reachable([c3])).union([fixture.tag]))
        // The tag's commit not sent: no tag.
        let other = BufferSink()
        _ = try PackGenerator(repository: fixture.repository).write(
            wants: [c3], haves: [fixture.commits["c2"]!], options: .init(includeTag: true), to: other)
        #expect(!(try fixture.packObjects(other.bytes)).contains(fixture.tag))
    }

    @Test func withoutOffsetDeltasEverythingIsWhole() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let sink = BufferSink()
        let summary = try PackGenerator(repository: fixture.repository).write(
            wants: [fixture.commits["c5"]!], haves: [], options: .init(offsetDeltas: false), to: sink)
        #expect(summary.deltaCount == 0)
        #expect(Set(try fixture.packObjects(sink.bytes)) == (try fixture.reachable([fixture.commits["c5"]!])))
    }

    @Test func missingWantIsAnError() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let missing = ObjectID(uncheckedBytes: [UInt8](repeating: 0x11, count: 20))
        #expect(throws: (any Error).self) {
            _ = try PackGenerator(repository: fixture.repository).objects(wants: [missing], haves: [])
        }
        // Unknown haves are ignored.
        let objects = try PackGenerator(repository: fixture.repository).objects(wants: [fixture.commits["c1"]!], haves: [missing])
        #expect(Set(objects) == (try fixture.reachable([fixture.commits["c1"]!])))
    }
}

@Suite struct PackGeneratorReuseTests {
    @Test func packedDeltasAreReusedAndThePackStaysValid() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        // Pack everything first (deltas between the `dir/x` versions), then serve from the pack.
        let report = try RepackOperation(fixture.repository).run()
        #expect(report.deltaCount > 0)
        let repository = try Repository(gitDirectory: fixture.root, workTree: nil)
        let c5 = fixture.commits["c5"]!
        for haves in [[], [fixture.commits["c2"]!]] {
            let sink = BufferSink()
            let summary = try PackGenerator(repository: repository).write(wants: [c5], haves: haves, to: sink)
            let expected = try fixture.reachable([c5]).subtracting(try fixture.reachable(haves))
            #expect(Set(try fixture.packObjects(sink.bytes)) == expected)
            #expect(summary.objectCount == expected.count)
        }
        let sink = BufferSink()
        let summary = try PackGenerator(repository: repository).write(wants: [c5], haves: [], to: sink)
        #expect(summary.deltaCount >= report.deltaCount)
    }
}

@Suite struct PackGeneratorThinTests {
    /// Packs the fixture with `dir/x` of c5 stored as a delta on the c2
    /// version, so that a fetch of c5 by a side holding c2 can go thin.
    @Test func thinPackUsesBasesTheOtherSideHas() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let repository = fixture.repository
        let c2 = fixture.commits["c2"]!
        let c5 = fixture.commits["c5"]!
        func xBlob(_ commit: ObjectID) throws -> ObjectID {
            try #require(try repository.entry(at: Array("dir/x".utf8), inTree: repository.readCommit(commit).tree)).id
        }
        let x2 = try xBlob(c2)
        let x5 = try xBlob(c5)
        let all = Array(try fixture.reachable([c5, fixture.tag]))
        var entries: [PackEntry] = []
        for id in all {
            let raw = try #require(try repository.objects.read(id))
            entries.append(PackEntry(id: id, type: raw.type, content: raw.content))
        }
        let baseIndex = try #require(all.firstIndex(of: x2))
        let targetIndex = try #require(all.firstIndex(of: x5))
        let delta = try #require(DeltaEncoder.encode(base: entries[baseIndex].content, target: entries[targetIndex].content))
        entries[targetIndex].delta = DeltaChoice(base: baseIndex, delta: delta, depth: 1)
        _ = try PackInstaller(packDirectory: fixture.root + "/objects/pack").write(
            entries, order: Array(entries.indices), writer: PackWriter(algorithm: .sha1))
        let reopened = try Repository(gitDirectory: fixture.root, workTree: nil)
        let expected = try fixture.reachable([c5]).subtracting(try fixture.reachable([c2]))
        #expect(expected.contains(x5) && !expected.contains(x2))

        let thin = BufferSink()
        let summary = try PackGenerator(repository: reopened).write(wants: [c5], haves: [c2], options: .init(thin: true), to: thin)
        #expect(summary.objectCount == expected.count)
        // Thin: indexing alone fails (a base is missing) ...
        #expect(throws: (any Error).self) {
            _ = try thin.bytes.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "thin.pack").index($0) }
        }
        // ... and succeeds when the receiver supplies its objects, with exactly x2 added.
        let fixed = try thin.bytes.withUnsafeBytes {
            try PackIndexer(algorithm: .sha1, path: "thin.pack").index($0, fixThin: true) { try reopened.objects.read($0) }
        }
        #expect(Set(fixed.objects.map(\.id)) == expected.union([x2]))

        // Not thin: a self-contained pack with the same objects.
        let full = BufferSink()
        _ = try PackGenerator(repository: reopened).write(wants: [c5], haves: [c2], to: full)
        #expect(Set(try fixture.packObjects(full.bytes)) == expected)
    }
}
