import Foundation
import PfadObjects
import PfadStore
import Testing

@testable import PfadRepository

/// Ref packing and the repack's bookkeeping, through the API only. The
/// packs' contents are checked by git in `PackWriteInteropTests`.
@Suite struct GcOperationTests {
    private func tag(_ target: ObjectID, name: String, in repo: TestRepository) throws -> ObjectID {
        let text = "object \(target.hex)\ntype commit\ntag \(name)\ntagger Anna Schäfer <anna@arnsberg.example> 1700000000 +0100\n\nFreigabe\n"
        return try repo.repository.objects.write(type: .tag, content: Array(text.utf8))
    }

    @Test func packAllWritesPeeledLinesAndRemovesLooseRefs() throws {
        let repo = try TestRepository()
        defer { repo.remove() }
        try repo.write("Leitfäden/Olpe.md", "# Olpe\n")
        try repo.addAll()
        let first = try repo.commit("Erste Fassung")
        let annotated = try tag(first, name: "v1.0", in: repo)
        let refs = repo.repository.refs
        try refs.update(Array("refs/tags/v1.0".utf8), to: annotated, expected: .absent, reflog: nil)
        try refs.update(Array("refs/heads/feature/radwege".utf8), to: first, expected: .absent, reflog: nil)
        try refs.setSymbolic(Array("refs/remotes/origin/HEAD".utf8), target: Array("refs/heads/main".utf8), reflog: nil)

        #expect(try RefPacking.packAll(repo.repository) == 3)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: repo.root + "/.git/packed-refs")), as: UTF8.self)
        // Header and layout as git 2.39's `git pack-refs --all` writes them.
        #expect(text == """
            # pack-refs with: peeled fully-peeled sorted 
            \(first.hex) refs/heads/feature/radwege
            \(first.hex) refs/heads/main
            \(annotated.hex) refs/tags/v1.0
            ^\(first.hex)

            """)
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: repo.root + "/.git/refs/heads/main"))
        #expect(!fm.fileExists(atPath: repo.root + "/.git/refs/heads/feature"))
        #expect(fm.fileExists(atPath: repo.root + "/.git/refs/heads"))
        // Symbolic refs stay loose; every ref still resolves.
        #expect(fm.fileExists(atPath: repo.root + "/.git/refs/remotes/origin/HEAD"))
        let reopened = try repo.reopened()
        #expect(try reopened.refs.resolve(Array("refs/tags/v1.0".utf8)) == annotated)
        #expect(try reopened.refs.resolve(Array("HEAD".utf8)) == first)
    }

    @Test func refUpdatedAfterPackingWins() throws {
        let repo = try TestRepository()
        defer { repo.remove() }
        try repo.write("a.md", "a\n")
        try repo.addAll()
        let first = try repo.commit("eins")
        try RefPacking.packAll(repo.repository)
        try repo.write("a.md", "b\n")
        try repo.addAll()
        let second = try repo.commit("zwei")
        // The new loose value overrides the packed one until the next packing.
        #expect(try repo.reopened().refs.resolve(Array("refs/heads/main".utf8)) == second)
        #expect(try repo.repository.refs.readPacked()?.entry(named: Array("refs/heads/main".utf8))?.id == first)
        try RefPacking.packAll(repo.repository)
        #expect(try repo.repository.refs.readPacked()?.entry(named: Array("refs/heads/main".utf8))?.id == second)
    }

    @Test func gcPacksReachableAndKeepsUnreachableLoose() throws {
        let repo = try TestRepository(algorithm: .sha256)
        defer { repo.remove() }
        for revision in 0..<6 {
            try repo.write("Leitfäden/Soest.md", String(repeating: "Zeile über Soest und die Bürgerbeteiligung.\n", count: 40) + "Stand \(revision)\n")
            try repo.addAll()
            try repo.commit("Stand \(revision)")
        }
        let unreachable = try repo.repository.objects.write(type: .blob, content: Array("unerreichbar\n".utf8))
        let before = try repo.repository.objects.allObjectIDs()
        let report = try GcOperation(repo.repository).run()
        // 6 commits, 6 root trees, 6 folder trees, 6 blobs.
        #expect(report.repack.objectCount == 24)
        #expect(report.repack.deltaCount >= 5)
        #expect(report.repack.removedLooseObjects == 24)
        #expect(try repo.repository.objects.loose.allObjectIDs() == [unreachable])
        // Everything reads back through the pack reader (a fresh store sees the new pack).
        let reopened = try repo.reopened()
        #expect(try reopened.objects.allObjectIDs() == before)
        for id in before { #expect(try reopened.objects.read(id).map { reopened.algorithm.objectID(type: $0.type, content: $0.content) } == id) }
        // A second gc packs the same objects again and replaces the pack.
        let again = try GcOperation(reopened).run()
        #expect(again.repack.objectCount == 24)
        #expect(again.repack.removedPacks.count == (again.repack.packPath == report.repack.packPath ? 0 : 1))
        #expect(try repo.reopened().objects.allObjectIDs() == before)
        let packFiles = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/.git/objects/pack").sorted()
        #expect(packFiles.count == 2)
        #expect(packFiles.allSatisfy { $0.hasPrefix("pack-") })
    }

    @Test func autoGcFollowsTheLooseObjectEstimate() throws {
        let repo = try TestRepository()
        defer { repo.remove() }
        #expect(try GcOperation.isNeeded(repo.repository) == false)
        // 27 objects in objects/17 estimate 27 × 256 = 6,912 > 6,700 (git's default gc.auto).
        let folder = repo.root + "/.git/objects/17"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 0..<27 {
            let name = String(repeating: "0", count: 36) + String(format: "%02d", n)
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        #expect(try GcOperation.isNeeded(repo.repository) == true)
        // gc.auto = 0 turns it off.
        let config = try FileHandle(forWritingTo: URL(fileURLWithPath: repo.root + "/.git/config"))
        try config.seekToEnd()
        try config.write(contentsOf: Data("[gc]\n\tauto = 0\n".utf8))
        try config.close()
        #expect(try GcOperation.isNeeded(repo.reopened()) == false)
    }
}
