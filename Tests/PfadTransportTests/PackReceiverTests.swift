import Foundation
import PfadObjects
import Testing
@testable import PfadTransport

/// The client's side of receiving a pack: streamed to disk, installed whole
/// or not at all.
struct PackReceiverTests {
    @Test func installsAPackAndItsObjectsBecomeReadable() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Wanderwege als offene Daten\n")
        let received = try PackReceiver(repository: fixture.repository).receive(from: BufferSource(fixture.pack(objects)))
        #expect(received.objectCount == objects.count)
        let reopened = try fixture.reopened()
        for object in objects {
            #expect(try reopened.objects.read(object.id)?.content == object.content)
        }
        // Only the pack and its index remain: no quarantine left behind.
        let files = try fixture.objectFiles().filter { !$0.hasSuffix("/") }
        #expect(files.contains { $0.hasPrefix("pack/pack-") && $0.hasSuffix(".pack") })
        #expect(files.contains { $0.hasPrefix("pack/pack-") && $0.hasSuffix(".idx") })
        #expect(!files.contains { $0.hasPrefix("incoming-") })
    }

    @Test func refusesDamagedAndOversizedPacksLeavingNothing() throws {
        let fixture = try ReceiveFixture()
        let before = try fixture.objectFiles()
        var damaged = fixture.pack(fixture.snapshot("Bürgerbeteiligung\n"))
        damaged[damaged.count - 1] ^= 0xFF  // trailer checksum no longer matches
        #expect(throws: TransportError.self) {
            try PackReceiver(repository: fixture.repository).receive(from: BufferSource(damaged))
        }
        var small = PackReceiver(repository: fixture.repository)
        small.maximumBytes = 64
        #expect(throws: TransportError.self) {
            try small.receive(from: BufferSource(fixture.pack(fixture.snapshot(String(repeating: "Etappe über den Kamm\n", count: 50)))))
        }
        #expect(try fixture.objectFiles() == before)
        #expect(try PackReceiver(repository: fixture.repository).receive(from: BufferSource([])).objectCount == 0)
    }
}
