import Foundation
import PfadObjects
import PfadStore
import Testing
@testable import PfadTransport

/// `IncomingPackReader` on hostile and odd packs: it must end in a typed
/// error, never read past the pack, never trust declared sizes.
struct IncomingPackReaderTests {
    private func copy(_ bytes: [UInt8], maximumBytes: Int? = nil, maximumObjects: Int? = nil) throws -> (IncomingPackReader.Result, [UInt8]) {
        let path = "/dev/shm/pfad-incoming-\(UUID().uuidString)"
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        defer { close(fd); unlink(path) }
        let reader = IncomingPackReader(algorithm: .sha1, maximumBytes: maximumBytes, maximumObjects: maximumObjects)
        let result = try reader.copy(from: BufferSource(bytes), to: fd, path: path)
        return (result, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func copiesAWholePackExactly() throws {
        let fixture = try ReceiveFixture()
        let pack = fixture.pack(fixture.snapshot("Hallo\n"))
        let (result, copied) = try copy(pack)
        #expect(result.objectCount == 3 && result.byteCount == pack.count)
        #expect(copied == pack)
    }

    @Test func refusesJunkTruncationAndLies() throws {
        let fixture = try ReceiveFixture()
        let pack = fixture.pack(fixture.snapshot("Hallo\n"))
        #expect(throws: TransportError.corruptPack("4 bytes of junk after the pack")) { try copy(pack + [1, 2, 3, 4]) }
        #expect(throws: TransportError.self) { try copy(Array(pack.dropLast(25))) }
        #expect(throws: TransportError.corruptPack("pack signature mismatch")) { try copy(Array("PACX".utf8) + pack.dropFirst(4)) }
        // A header that promises four billion objects in a few bytes.
        let huge = Array("PACK".utf8) + [0, 0, 0, 2, 0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 20)
        #expect(throws: TransportError.self) { try copy(huge) }
        #expect(throws: TransportError.tooManyObjects(count: 4_294_967_295, limit: 10)) { try copy(huge, maximumObjects: 10) }
        // A blob whose header says 2 bytes but whose zlib stream holds 100 000.
        var bomb = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 1] + [0x32]
        bomb += Zlib.deflate([UInt8](repeating: 0x41, count: 100_000))
        bomb += HashAlgorithm.sha1.digest(bomb).bytes
        #expect(throws: TransportError.corruptPack("object 0 at offset 12: inflated data exceeds the declared size 2")) { try copy(bomb) }
    }

    @Test func refusesHostileEntryHeadersWithTheCodecsErrors() throws {
        let start = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 1]
        // A blob size in eleven bytes.
        let longSize = start + [0xB0] + [UInt8](repeating: 0x80, count: 9) + [0x00] + [UInt8](repeating: 0, count: 40)
        #expect(throws: TransportError.corruptPack("object 0 at offset 12: object size overflows")) { try copy(longSize) }
        // An OFS_DELTA whose distance 128 reaches before the pack's first entry.
        let before = start + [0x65, 0x80, 0x00] + [UInt8](repeating: 0, count: 40)
        #expect(throws: TransportError.corruptPack("object 0 at offset 12: delta base offset 128 out of bounds")) { try copy(before) }
        // Type code 5 does not exist.
        let badType = start + [0x51] + [UInt8](repeating: 0, count: 40)
        #expect(throws: TransportError.corruptPack("object 0 at offset 12: unknown object type 5")) { try copy(badType) }
        #expect(throws: TransportError.corruptPack("pack version 9 unsupported")) {
            try copy(Array("PACK".utf8) + [0, 0, 0, 9, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 20))
        }
    }
}
