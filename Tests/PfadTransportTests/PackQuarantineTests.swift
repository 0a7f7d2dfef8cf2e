import Foundation
import PfadObjects
import PfadStore
import Testing

@testable import PfadTransport

/// The push quarantine in-process: a received pack stays in
/// `objects/incoming-*` until `migrate()` hands it to `PackInstaller`.
@Suite struct PackQuarantineTests {
    private func packFolder(_ fixture: ReceiveFixture) -> String { fixture.root + "/objects/pack" }

    private func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private func received(_ fixture: ReceiveFixture, _ pack: [UInt8]) throws -> (PackQuarantine, IndexedPack) {
        let quarantine = try PackQuarantine(objectsDirectory: fixture.root + "/objects", algorithm: fixture.algorithm)
        let indexed = try quarantine.receive(
            from: BufferSource(pack), maximumBytes: nil, maximumObjects: nil, externalBase: { _ in nil })
        return (quarantine, indexed)
    }

    @Test func migrateInstallsThePackAndRemovesTheQuarantine() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Hallo aus Lennestadt\n")
        let pack = fixture.pack(objects)
        let (quarantine, indexed) = try received(fixture, pack)
        let name = "pack-" + indexed.checksum.hex
        // Quarantined: readable through the quarantine's store only.
        #expect(list(quarantine.directory + "/pack") == [name + ".idx", name + ".pack"])
        #expect(try quarantine.store.read(objects[0].id)?.content == objects[0].content)
        #expect(list(packFolder(fixture)).isEmpty)
        try quarantine.migrate()
        #expect(list(packFolder(fixture)) == [name + ".idx", name + ".pack"])
        #expect(!FileManager.default.fileExists(atPath: quarantine.directory))
        #expect(FileManager.default.contents(atPath: packFolder(fixture) + "/" + name + ".pack").map { [UInt8]($0) } == pack)
        let reopened = try fixture.reopened()
        #expect(try reopened.objects.read(objects[0].id)?.content == objects[0].content)
    }

    @Test func theSamePackTwiceIsFine() throws {
        let fixture = try ReceiveFixture()
        let pack = fixture.pack(fixture.snapshot("Zweimal\n"))
        let (first, indexed) = try received(fixture, pack)
        try first.migrate()
        let (second, _) = try received(fixture, pack)
        try second.migrate()
        let name = "pack-" + indexed.checksum.hex
        #expect(list(packFolder(fixture)) == [name + ".idx", name + ".pack"])
        #expect(list(fixture.root + "/objects").filter { $0.hasPrefix("incoming-") }.isEmpty)
    }

    @Test func aFailedMigrationLeavesNoPackBehind() throws {
        let fixture = try ReceiveFixture()
        let pack = fixture.pack(fixture.snapshot("Blockiert\n"))
        let (quarantine, indexed) = try received(fixture, pack)
        let name = "pack-" + indexed.checksum.hex
        // A non-empty folder where the index should go.
        try FileManager.default.createDirectory(
            atPath: packFolder(fixture) + "/" + name + ".idx/blocker", withIntermediateDirectories: true)
        #expect(throws: TransportError.self) { try quarantine.migrate() }
        #expect(list(packFolder(fixture)) == [name + ".idx"])
        #expect(!FileManager.default.fileExists(atPath: quarantine.directory))
    }
}
