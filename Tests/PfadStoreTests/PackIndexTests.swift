import PfadTestSupport
import Foundation
import PfadObjects
import Testing
@testable import PfadStore

/// A two-commit pack written by `git gc` (git 2.39) and the indexes git made
/// for it: `pack-5075b7b6….idx`, `git index-pack --index-version=2,64`
/// (every offset above 64 in the 64-bit table) and `--index-version=1`.
enum PackSamples {
    static let pack = base64("UEFDSwAAAAIAAAAGlgp4nH3Kuw0CMQwA0D5TpKdx/rGEEIzi+GxBcQRFPrE+NwGvfrZEPAZSIIkMZfBIglq2Dq3mRjSghwBYMsfmPrTkbecHaRV1iyidB2DVppRZaojco5ZKWrRnR4c95/IPf6X7uPnQsPSEmJK/wMnx3PeXmfwpzr7T/QBeNS0glgd4nE3KMQ7DIAwAwN2v8N7FhmCCFFXNUzAxSocECZH/N0OG3nyjm2GdSdVVYY5BvZRYhCVJyFOokc2xaWHaCPI19tZxxSV/9I0c6YEvYiIo7Ti+Y9h/SWH2KXl/lxtAOw1+ftoetr0reJwd0jtuHTEQBdG8VsPLT5MMvRUDgjIHz/sHVFQ4QM8MeapDZzBZFJvDJY2EdDLIJIsU2eSQS2/00Dt90Cd90Yu+6Yd+GY0Rhp8cjMlYjGJsxmFcZmOG2Zn+cTIXs5ibeZiX1VhhddZgeaDFKtZmHdalGhWqU4OalOctalOHuuzGDruzB3uyF9vrbPZhX07jhNM5gzM5i1Mcb3s4l9u44Xbu4E7u4hZ3c8V4GnI0PZogTZEmSdOkidJUabI0537ZnHtwT+7RPbuH9/Qen34R8M/n3/+/X59vHx60L4gZNSNn9IygUTSSRtOImvGKOKdrhI2ykTbaRtyoG3mjb+ZL55zE0TgiR+XIHJ0jdJSO1FmvsXNqR+7oHcGjeCSP5hE9qqfeMjgnfJSP9NE+4kf9yB/9Y4DstzXO2SBGiBVihtghhoglYorYIuetl3PmiD1ikFgkJolNYpRYJWbJfXv4FrHxAxYEbr2hAnicMzQwMDMxUUjTK6koYdiv82Wqw9uzkttWSZ9ZqjPRaZNWlTwAyRQNK6ECeJwzNDAwMzFRSNMrqShhWBVn36CTlWu3/dUJ10uatm8szvz/CAC6EQ4SbIJBeJzby7qFdUMJ4+ZaRgdGAB79BBNQdbe2a7dNxNBDGuPyWcUdBEvQEQ==")
    static let index = base64("/3RPYwAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAYAAAAGAAAABgAAAAYAAAAGAAAABgAAAAYAAAAGMBeQpHVGjAqC8/0cczg9F7PImAuRDnaf0p6MsJb3+kzmEsgvVq9fhJGvCuLAW8s+n12AdkeqsIEQlUwnql4/gCxqbT636shF0ik97DjM//G/LPSVQO3NGbaqG8ylLJFCsip6H/gLsvYRdbNsfGFpZaRfceIevBDQyW/+HMIo2RHJhMa/e8KFkLkiQPik2In5AAAADAAAAIoAAAJaAAACsgAAAPEAAAKGUHW3tmu3TcTQQxrj8lnFHQRL0BFQ2A2W8ZSMq39TwzWEJTzvgvUPVg==")
    static let largeOffsetIndex = base64("/3RPYwAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAYAAAAGAAAABgAAAAYAAAAGAAAABgAAAAYAAAAGMBeQpHVGjAqC8/0cczg9F7PImAuRDnaf0p6MsJb3+kzmEsgvVq9fhJGvCuLAW8s+n12AdkeqsIEQlUwnql4/gCxqbT636shF0ik97DjM//G/LPSVQO3NGbaqG8ylLJFCsip6H/gLsvYRdbNsfGFpZaRfceIevBDQyW/+HMIo2RHJhMa/e8KFkLkiQPik2In5AAAADIAAAACAAAABgAAAAoAAAAOAAAAEAAAAAAAAAIoAAAAAAAACWgAAAAAAAAKyAAAAAAAAAPEAAAAAAAAChlB1t7Zrt03E0EMa4/JZxR0ES9ARF6mTOZpkKLZzc89ZNg3jUbOHeQY=")
    static let version1Index = base64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAADAAAAAwAAAAMAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAEAAAABAAAAAQAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAGAAAABgAAAAYAAAAGAAAABgAAAAYAAAAGAAAABgAAAAwwF5CkdUaMCoLz/RxzOD0Xs8iYCwAAAIqRDnaf0p6MsJb3+kzmEsgvVq9fhAAAAlqRrwriwFvLPp9dgHZHqrCBEJVMJwAAArKqXj+ALGptPrfqyEXSKT3sOMz/8QAAAPG/LPSVQO3NGbaqG8ylLJFCsip6HwAAAob4C7L2EXWzbHxhaWWkX3HiHrwQ0FB1t7Zrt03E0EMa4/JZxR0ES9ARZ4kbFX8T0BbRSRVCgUGrttWnrRA=")
    /// `git verify-pack -v` of the pack: id, offset, depth.
    static let objects: [(String, Int, Int)] = [
        ("301790a475468c0a82f3fd1c73383d17b3c8980b", 12, 0),
        ("910e769fd29e8cb096f7fa4ce612c82f56af5f84", 138, 0),
        ("bf2cf49540edcd19b6aa1bcca52c9142b22a7a1f", 241, 0),
        ("91af0ae2c05bcb3e9f5d807647aab08110954c27", 602, 0),
        ("f80bb2f61175b36c7c616965a45f71e21ebc10d0", 646, 0),
        ("aa5e3f802c6a6d3eb7eac845d2293dec38ccfff1", 690, 1),
    ]
    static let checksum = "5075b7b66bb74dc4d0431ae3f259c51d044bd011"

    static func mapped(_ bytes: [UInt8], in scratch: Scratch, name: String) throws -> MappedFile {
        try scratch.write(name, bytes)
        guard let file = try MappedFile(path: scratch.path + "/" + name) else { throw StoreError.corruptPackIndex(path: name, detail: "missing") }
        return file
    }
}

@Suite struct PackIndexTests {
    @Test(arguments: [1, 2, 3])
    func writerMatchesGitByteForByte(variant: Int) throws {
        let indexed = try PackSamples.pack.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "sample").index($0) }
        #expect(indexed.checksum.hex == PackSamples.checksum)
        let expected = [PackSamples.index, PackSamples.largeOffsetIndex, PackSamples.version1Index][variant - 1]
        let written = try PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: .sha1,
            version: variant == 3 ? 1 : 2, largeOffsetLimit: variant == 2 ? 64 : PackIndexWriter.offset32Limit)
        #expect(written == expected)
    }

    @Test func indexerReportsGitsVerifyPackFacts() throws {
        let indexed = try PackSamples.pack.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "sample").index($0) }
        let facts = indexed.objects.map { ($0.id.hex, $0.offset, $0.depth) }
        #expect(facts.map(\.0) == PackSamples.objects.map(\.0))
        #expect(facts.map(\.1) == PackSamples.objects.map(\.1))
        #expect(facts.map(\.2) == PackSamples.objects.map(\.2))
        #expect(indexed.objects.last?.base?.hex == "bf2cf49540edcd19b6aa1bcca52c9142b22a7a1f")
    }

    @Test(arguments: [0, 1, 2])
    func readsEveryIndexVersion(variant: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = [PackSamples.index, PackSamples.largeOffsetIndex, PackSamples.version1Index][variant]
        let index = try PackIndex(file: PackSamples.mapped(bytes, in: scratch, name: "x.idx"), algorithm: .sha1)
        #expect(index.version == (variant == 2 ? 1 : 2))
        #expect(index.count == 6)
        #expect(index.verifyChecksum())
        #expect(index.packChecksum.hex == PackSamples.checksum)
        for (hex, offset, _) in PackSamples.objects {
            let id = try #require(ObjectID(hex: hex))
            let i = try #require(index.lookup(id))
            #expect(try index.offset(at: i) == offset)
        }
        #expect(index.lookup(try #require(ObjectID(hex: String(repeating: "0", count: 40)))) == nil)
        #expect(index.ids(withHexPrefix: Array("9".utf8)).map(\.hex).map { String($0.prefix(4)) } == ["910e", "91af"])
        #expect(index.ids(withHexPrefix: Array("91a".utf8)).count == 1)
        #expect(index.ids(withHexPrefix: Array("f80bb".utf8)).count == 1)
        #expect(index.ids(withHexPrefix: Array("f81".utf8)).isEmpty)
    }

    @Test func packedDatabaseReadsObjectsAndHeaders() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("objects/pack/pack-\(PackSamples.checksum).pack", PackSamples.pack)
        try scratch.write("objects/pack/pack-\(PackSamples.checksum).idx", PackSamples.index)
        let store = ObjectStore(objectsDirectory: scratch.path + "/objects", algorithm: .sha1)
        let target = try #require(ObjectID(hex: "aa5e3f802c6a6d3eb7eac845d2293dec38ccfff1"))
        let object = try #require(try store.read(target))
        #expect(object.type == .blob && object.content == DeltaTests.target)
        #expect(try store.readHeader(target)?.size == 692)
        #expect(try store.allObjectIDs().count == 6)
        #expect(try store.ids(withHexPrefix: "f80b").count == 1)
        // A new write of a packed object stays in the pack.
        #expect(try store.write(type: .blob, content: DeltaTests.target) == target)
        #expect(!store.loose.contains(target))
    }

    @Test func prefixesSpanPacksAndLooseObjects() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("objects/pack/pack-\(PackSamples.checksum).pack", PackSamples.pack)
        try scratch.write("objects/pack/pack-\(PackSamples.checksum).idx", PackSamples.index)
        try PackDeltaCycleTests.writePack([(PackDeltaCycleTests.x, PackDeltaCycleTests.refDelta(PackDeltaCycleTests.y))], name: "b", in: scratch)
        let store = ObjectStore(objectsDirectory: scratch.path + "/objects", algorithm: .sha1)
        // One loose object beside the two packs.
        let loose = try store.write(type: .blob, content: Array("Olpe\n".utf8))
        #expect(store.loose.contains(loose))
        #expect(try store.ids(withHexPrefix: "1111").map(\.hex) == [String(repeating: "11", count: 20)])
        #expect(try store.ids(withHexPrefix: "91AF").map(\.hex) == ["91af0ae2c05bcb3e9f5d807647aab08110954c27"])
        #expect(try store.ids(withHexPrefix: String(loose.hex.prefix(6))) == [loose])
        #expect(try store.allObjectIDs().count == 8)
        #expect(throws: StoreError.self) { _ = try store.ids(withHexPrefix: "91a") }
    }

    @Test func mutatedPacksAndIndexesNeverCrash() throws {
        var rng = SeededGenerator(seed: 5)
        let scratch = try Scratch()
        defer { scratch.remove() }
        for round in 0..<400 {
            var pack = PackSamples.pack
            var index = PackSamples.index
            let target = round % 2 == 0
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                if target {
                    pack[Int(rng.next() % UInt64(pack.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
                } else {
                    index[Int(rng.next() % UInt64(index.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
                }
            }
            if round % 7 == 0 { pack = Array(pack.prefix(Int(rng.next() % UInt64(pack.count)))) }
            _ = try? pack.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "fuzz").index($0) }
            let dir = "r\(round)/objects/pack/"
            try scratch.write(dir + "pack-a.pack", pack)
            try scratch.write(dir + "pack-a.idx", index)
            let store = ObjectStore(objectsDirectory: scratch.path + "/r\(round)/objects", algorithm: .sha1)
            for (hex, _, _) in PackSamples.objects {
                guard let id = ObjectID(hex: hex) else { continue }
                _ = try? store.read(id)
                _ = try? store.readHeader(id)
            }
            _ = try? store.ids(withHexPrefix: "91af")
        }
    }

    @Test func indexerRejectsTruncatedPackNamingTheOffset() {
        let cut = Array(PackSamples.pack.prefix(700))
        do {
            _ = try cut.withUnsafeBytes { try PackIndexer(algorithm: .sha1, path: "cut.pack").index($0) }
            Issue.record("expected an error")
        } catch let error as StoreError {
            #expect(error.description.contains("cut.pack"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func deltaCacheEvictsByBytes() {
        let cache = DeltaBaseCache(limit: 1000)
        for i in 0..<10 {
            cache.put(.init(pack: 0, offset: i), RawObject(type: .blob, content: [UInt8](repeating: 1, count: 200)))
        }
        #expect(cache.byteCount <= 1000)
        #expect(cache.get(.init(pack: 0, offset: 9)) != nil)
        #expect(cache.get(.init(pack: 0, offset: 0)) == nil)
    }
}
