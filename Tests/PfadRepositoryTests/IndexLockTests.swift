import Foundation
import PfadObjects
import Testing

@testable import PfadRepository

@Suite struct IndexLockTests {
    @Test func readModifyWriteUnderOneLock() throws {
        let dir = try ScratchDirectory.make()
        defer { ScratchDirectory.remove(dir) }
        let path = dir + "/index"
        let id = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        let lock = try IndexLock.acquire(path: path)
        #expect(lock.lockPath == path + ".lock")
        var index = try IndexFile.read(path: path, algorithm: .sha1)
        index.insert(IndexEntry(path: Array("neu.md".utf8), id: id, mode: 0o100644))
        try index.write(through: lock, algorithm: .sha1)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try IndexFile.read(path: path, algorithm: .sha1).entries.map(\.path) == [Array("neu.md".utf8)])
        #expect(throws: IndexError.self) { try lock.commit([]) }
    }

    @Test func abandonedLockIsRemoved() throws {
        let dir = try ScratchDirectory.make()
        defer { ScratchDirectory.remove(dir) }
        let path = dir + "/index"
        do {
            let lock = try IndexLock.acquire(path: path)
            #expect(FileManager.default.fileExists(atPath: lock.lockPath))
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
