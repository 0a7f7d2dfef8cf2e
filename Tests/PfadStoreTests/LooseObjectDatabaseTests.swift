import PfadTestSupport
import Foundation
import PfadObjects
import Testing
@testable import PfadStore

@Suite struct LooseObjectDatabaseTests {
    // Written by git 2.39: `printf 'Grüße aus Olpe\n' | git hash-object -w --stdin`
    // in a sha1 repository and in one made with `git init --object-format=sha256`;
    // the loose files are byte-identical (same header and content), base64 below.
    static let gitLooseFile = base64("eAFLyslPUjA0Z3AvOrzn8PxUhcTSYgX/nIJULgB5jAlK")
    static let gitSHA1 = "d60cfcb7f7e7e4358a6f724398881f4fd3a4ed65"
    static let gitSHA256 = "bf18fc24dde7cfc87b930e6d4566c0f3c7ddcada830e8d0e5d89d2a49b407b41"
    static let content = [UInt8]("Grüße aus Olpe\n")

    @Test(arguments: [(HashAlgorithm.sha1, gitSHA1), (.sha256, gitSHA256)])
    func readsObjectWrittenByGit(algorithm: HashAlgorithm, hex: String) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let split = hex.index(hex.startIndex, offsetBy: 2)
        try dir.write("objects/\(hex[..<split])/\(hex[split...])", Self.gitLooseFile)
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: algorithm)
        let id = try #require(ObjectID(hex: hex))
        let object = try #require(try db.read(id))
        #expect(object.type == .blob)
        #expect(object.content == Self.content)
        let header = try #require(try db.readHeader(id))
        #expect(header.type == .blob)
        #expect(header.size == 17)  // `git cat-file -s` prints 17
        #expect(db.contains(id))
    }

    @Test(arguments: [(HashAlgorithm.sha1, gitSHA1), (.sha256, gitSHA256)])
    func writesTheIdGitComputes(algorithm: HashAlgorithm, hex: String) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: algorithm, syncObjects: false)
        let id = try db.write(type: .blob, content: Self.content)
        #expect(id.hex == hex)
        let split = hex.index(hex.startIndex, offsetBy: 2)
        let relative = "objects/\(hex[..<split])/\(hex[split...])"
        // zlib level 1 (git's core.looseCompression default) gives exactly git's bytes.
        #expect(dir.read(relative) == Self.gitLooseFile)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path + "/" + relative)
        #expect((attributes[.posixPermissions] as? Int) == 0o444)
        #expect(dir.list("objects/\(hex[..<split])") == [String(hex[split...])])  // no temporaries left
        #expect(try db.write(type: .blob, content: Self.content) == id)  // existing: no-op
    }

    @Test(arguments: HashAlgorithm.allCases)
    func roundTripsAllTypesAndSizes(algorithm: HashAlgorithm) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: algorithm)
        var generator = SeededGenerator(seed: 42)
        var written: [ObjectID: RawObject] = [:]
        for (index, type) in ObjectType.allCases.enumerated() {
            for size in [0, 1, 63, 64, 65, 5000, 200_000] {
                let content = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next() % UInt64(3 + index)) }
                let id = try db.write(type: type, content: content)
                written[id] = RawObject(type: type, content: content)
            }
        }
        for (id, object) in written {
            #expect(try db.read(id) == object)
            let header = try #require(try db.readHeader(id))
            #expect(header.type == object.type && header.size == object.content.count)
        }
        #expect(try db.allObjectIDs() == written.keys.sorted())
    }

    @Test func absentObjectIsNil() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha1)
        let id = try #require(ObjectID(hex: Self.gitSHA1))
        #expect(try db.read(id) == nil)
        #expect(try db.readHeader(id) == nil)
        #expect(!db.contains(id))
        #expect(try db.allObjectIDs().isEmpty)
    }

    @Test func wrongContentUnderAnIdIsAHashMismatch() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha1)
        // The empty blob's id as git prints it (`git hash-object --stdin </dev/null`).
        let empty = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        try dir.write("objects/e6/9de29bb2d1d6434b8b29ae775ad8c2e48c5391", Self.gitLooseFile)
        do {
            _ = try db.read(empty)
            Issue.record("expected hash mismatch")
        } catch let StoreError.hashMismatch(expected, actual, _) {
            #expect(expected == empty)
            #expect(actual.hex == Self.gitSHA1)
        }
    }

    @Test func flippedByteIsDetected() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha1)
        let id = try #require(ObjectID(hex: Self.gitSHA1))
        for position in 2..<Self.gitLooseFile.count {
            var broken = Self.gitLooseFile
            broken[position] ^= 0x10
            try? FileManager.default.removeItem(atPath: dir.path + "/objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65")
            try dir.write("objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65", broken)
            #expect(throws: StoreError.self) { _ = try db.read(id) }
        }
    }

    @Test func truncatedFileAndBadHeaderAreCorrupt() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha1)
        let id = try #require(ObjectID(hex: Self.gitSHA1))
        try dir.write("objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65", Array(Self.gitLooseFile.prefix(20)))
        #expect(throws: StoreError.self) { _ = try db.read(id) }
        try dir.write("objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65", Zlib.deflate([UInt8]("blob 99\0short")))
        #expect(throws: StoreError.self) { _ = try db.read(id) }
        try dir.write("objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65", Zlib.deflate([UInt8]("blub 5\0short")))
        #expect(throws: StoreError.self) { _ = try db.read(id) }
        #expect(throws: StoreError.self) { _ = try db.readHeader(id) }
        // Declares 1 TB: must be rejected without allocating it.
        try dir.write("objects/d6/0cfcb7f7e7e4358a6f724398881f4fd3a4ed65", Zlib.deflate([UInt8]("blob 1000000000000\0x")))
        #expect(throws: StoreError.self) { _ = try db.read(id) }
    }

    @Test func findsIdsByPrefix() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha1)
        let id = try db.write(type: .blob, content: Self.content)
        _ = try db.write(type: .blob, content: [UInt8]("anderer Inhalt\n"))
        #expect(try db.ids(withHexPrefix: "d60c") == [id])
        #expect(try db.ids(withHexPrefix: "D60CFCB7") == [id])
        #expect(try db.ids(withHexPrefix: "d60d").isEmpty)
        #expect(throws: StoreError.invalidHexPrefix("d60")) { _ = try db.ids(withHexPrefix: "d60") }
        #expect(throws: StoreError.invalidHexPrefix("d6xz")) { _ = try db.ids(withHexPrefix: "d6xz") }
    }

    @Test func concurrentWritersProduceValidObjects() async throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let db = LooseObjectDatabase(objectsDirectory: dir.path + "/objects", algorithm: .sha256, syncObjects: false)
        let ids = try await withThrowingTaskGroup(of: ObjectID.self) { group in
            for worker in 0..<8 {
                group.addTask { try db.write(type: .blob, content: [UInt8]("Leitfaden \(worker % 4)\n")) }
            }
            var all: Set<ObjectID> = []
            for try await id in group { all.insert(id) }
            return all
        }
        #expect(ids.count == 4)
        for id in ids { #expect(try db.read(id) != nil) }
    }
}
