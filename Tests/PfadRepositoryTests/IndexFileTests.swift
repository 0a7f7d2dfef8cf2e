import Foundation
import PfadObjects
import PfadStore
import Testing

@testable import PfadRepository

/// Index files written by real git 2.39.5, captured once by hand in /dev/shm
/// and pasted here as base64 (`base64 -w0 .git/index`). Expected field values
/// come from `git ls-files -s --debug` run on the same repositories.
enum GitIndexFixtures {
    /// `git add .` + `git write-tree` of README.md, "Leitfäden/Über uns.md",
    /// run.sh (chmod +x), link -> README.md (symlink), a/b/c.txt: version 2 with a TREE extension.
    static let v2 = "RElSQwAAAAIAAAAFawpMcjfJyDNrCkxyN8nIMwAAABsAABCnAACBpAAAAAAAAAAAAAAAENnnub2Ttgq4MgVJJE6J9bVB4QTOABdMZWl0ZsOkZGVuL8OcYmVyIHVucy5tZAAAAGsKTHI27OCNawpMcjbs4I0AAAAbAAAQowAAgaQAAAAAAAAAAAAAABB6gxf8f+GrxuutSVmv/gXMjxsd5AAJUkVBRE1FLm1kAGsKTHI4NBOEawpMcjg0E4QAAAAbAAAQqgAAgaQAAAAAAAAAAAAAAALyrWx28BFaa6WwBFaoSYEOfsCvIAAJYS9iL2MudHh0AGsKTHI4NBOEawpMcjg0E4QAAAAbAAAQqQAAoAAAAAAAAAAAAAAAAAlCBhwBoccAl9HkV58ppa30Cr3slQAEbGluawAAAAAAAGsKTHI39wqEawpMcjfJyDMAAAAbAAAQqAAAge0AAAAAAAAAAAAAABJBYwNu+mW9SkaedSJnSY8B6jalXAAGcnVuLnNoAAAAAFRSRUUAAABwADUgMgqDxAmX57StORGXvRH1sle67zzxCGEAMSAxCmJNt7C6P0Z3cUwo/zNRoKb2MwbvYgAxIDAKz2fp7zoPxthYQj/Bd/L7vphabxdMZWl0ZsOkZGVuADEgMApPSbNbP+SSXbQw4Z5kWa7N5vDTnGL/plRj3IECXmtbscUw9SH3P8Fs"
    /// The same index after `git update-index --index-version 4`.
    static let v4 = "RElSQwAAAAQAAAAFawpMcjfJyDNrCkxyN8nIMwAAABsAABCnAACBpAAAAAAAAAAAAAAAENnnub2Ttgq4MgVJJE6J9bVB4QTOABcATGVpdGbDpGRlbi/DnGJlciB1bnMubWQAawpMcjbs4I1rCkxyNuzgjQAAABsAABCjAACBpAAAAAAAAAAAAAAAEHqDF/x/4avG661JWa/+BcyPGx3kAAkXUkVBRE1FLm1kAGsKTHI4NBOEawpMcjg0E4QAAAAbAAAQqgAAgaQAAAAAAAAAAAAAAALyrWx28BFaa6WwBFaoSYEOfsCvIAAJCWEvYi9jLnR4dABrCkxyODQThGsKTHI4NBOEAAAAGwAAEKkAAKAAAAAAAAAAAAAAAAAJQgYcAaHHAJfR5FefKaWt9Aq97JUABAlsaW5rAGsKTHI39wqEawpMcjfJyDMAAAAbAAAQqAAAge0AAAAAAAAAAAAAABJBYwNu+mW9SkaedSJnSY8B6jalXAAGBHJ1bi5zaABUUkVFAAAAcAA1IDIKg8QJl+e0rTkRl70R9bJXuu888QhhADEgMQpiTbewuj9Gd3FMKP8zUaCm9jMG72IAMSAwCs9n6e86D8bYWEI/wXfy+76YWm8XTGVpdGbDpGRlbgAxIDAKT0mzWz/kkl20MOGeZFmuzebw05x7D2bTpqFCVSAlPs6P6rbwRek1vQ=="
    /// README.md with `git update-index --skip-worktree` and new.txt with `git add -N`: version 3.
    static let v3 = "RElSQwAAAAMAAAACawpMdwlROZtrCkx3CVE5mwAAABsAABDlAACBpAAAAAAAAAAAAAAAAlh75rTD+T+TxInAERu6VZYUeibLQAlAAFJFQURNRS5tZAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAIGkAAAAAAAAAAAAAAAA5p3im7LR1kNLiymud1rYwuSMU5FAByAAbmV3LnR4dAC5UyWE6TUnaVHqgECjrMM+SzN5wQ=="
    /// `git init --object-format=sha256`, olpe.txt ("Olpe\n") added.
    static let sha256 = "RElSQwAAAAIAAAABawpMdwtil7BrCkx3C2KXsAAAABsAABESAACBpAAAAAAAAAAAAAAABQ4lKTTRzMLkHbyvBPooYg2WJtq95JaAZ9b75CNwbvE4AAhvbHBlLnR4dAAAAAAAAD59Oj2RhgtH6pgUtWUIJdfZSCRzszWe2XjCOJNp9r2R"
    /// guide.md at stages 1, 2 and 3 via `git update-index --index-info` (zero stat data).
    static let conflict = "RElSQwAAAAIAAAADAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACBpAAAAAAAAAAAAAAAAN+We5aleeRaGLglFzLRaASy5WpVEAhndWlkZS5tZAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACBpAAAAAAAAAAAAAAAALGaHpO+wTF9xglyKeEq+v+/p03CIAhndWlkZS5tZAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACBpAAAAAAAAAAAAAAAAJULgbfu6VPQUKoFpkH44FbIXdG9MAhndWlkZS5tZAAA+S8/sBZOj80U1MpokdNbW07ODqI="

    static func bytes(_ base64: String) throws -> [UInt8] {
        try #require(Data(base64Encoded: base64).map { [UInt8]($0) })
    }
}

@Suite struct IndexFileTests {
    @Test func parsesGitVersion2Index() throws {
        let index = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v2), algorithm: .sha1)
        #expect(index.version == 2)
        // Order and values as printed by `git ls-files -s --debug`.
        #expect(index.entries.map { String(decoding: $0.path, as: UTF8.self) } == [
            "Leitfäden/Über uns.md", "README.md", "a/b/c.txt", "link", "run.sh",
        ])
        #expect(index.entries.map(\.id.hex) == [
            "d9e7b9bd93b60ab8320549244e89f5b541e104ce", "7a8317fc7fe1abc6ebad4959affe05cc8f1b1de4",
            "f2ad6c76f0115a6ba5b00456a849810e7ec0af20", "42061c01a1c70097d1e4579f29a5adf40abdec95",
            "4163036efa65bd4a469e752267498f01ea36a55c",
        ])
        #expect(index.entries.map(\.mode) == [0o100644, 0o100644, 0o100644, 0o120000, 0o100755])
        #expect(index.entries.map(\.size) == [16, 16, 2, 9, 18])
        #expect(index.entries.map(\.ino) == [4263, 4259, 4266, 4265, 4264])
        let first = try #require(index.entries.first)
        #expect(first.ctime == IndexTime(seconds: 1_795_837_042, nanoseconds: 935_970_867))
        #expect(first.mtime == IndexTime(seconds: 1_795_837_042, nanoseconds: 935_970_867))
        #expect(first.dev == 27 && first.uid == 0 && first.gid == 0 && first.stage == 0)
        #expect(index.extensions.map(\.name) == ["TREE"])
    }

    @Test func version4MatchesVersion2() throws {
        let v2 = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v2), algorithm: .sha1)
        let v4 = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v4), algorithm: .sha1)
        #expect(v4.version == 4)
        #expect(v4.entries == v2.entries)
    }

    @Test(arguments: ["v2", "v4", "v3", "sha256", "conflict"])
    func serialisationReproducesGitBytes(fixture name: String) throws {
        let fixtures = [
            "v2": GitIndexFixtures.v2, "v4": GitIndexFixtures.v4, "v3": GitIndexFixtures.v3,
            "sha256": GitIndexFixtures.sha256, "conflict": GitIndexFixtures.conflict,
        ]
        let algorithm: HashAlgorithm = name == "sha256" ? .sha256 : .sha1
        let original = try GitIndexFixtures.bytes(try #require(fixtures[name]))
        let index = try IndexFile.parse(original, algorithm: algorithm)
        let written = try index.serialized(algorithm: algorithm)
        #expect(written == original)
        #expect(try IndexFile.parse(written, algorithm: algorithm) == index)
    }

    @Test func version3ExtendedFlags() throws {
        let index = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v3), algorithm: .sha1)
        #expect(index.version == 3)
        let readme = try #require(index.entry(path: Array("README.md".utf8)))
        let new = try #require(index.entry(path: Array("new.txt".utf8)))
        // `git ls-files -v` printed "S README.md" and "H new.txt"; --debug showed flags 40004000 / 20004000.
        #expect(readme.skipWorktree && !readme.intentToAdd)
        #expect(new.intentToAdd && !new.skipWorktree)
        #expect(new.id.hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        var cleared = index
        cleared.entries = cleared.entries.map { entry in
            var e = entry
            e.skipWorktree = false
            e.intentToAdd = false
            return e
        }
        #expect(cleared.versionToWrite == 2)
        #expect(index.versionToWrite == 3)
    }

    @Test func sha256Index() throws {
        let index = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.sha256), algorithm: .sha256)
        #expect(index.entries.count == 1)
        #expect(index.entries.first?.path == Array("olpe.txt".utf8))
        #expect(index.entries.first?.id.hex == "0e252934d1ccc2e41dbcaf04fa28620d9626dabde4968067d6fbe423706ef138")
        #expect(throws: IndexError.self) {
            try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.sha256), algorithm: .sha1)
        }
    }

    @Test func conflictStages() throws {
        var index = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.conflict), algorithm: .sha1)
        let guide = Array("guide.md".utf8)
        #expect(index.entries.map(\.stage) == [1, 2, 3])
        #expect(index.isConflicted(path: guide))
        #expect(index.entry(path: guide, stage: 2)?.id.hex == "b19a1e93bec1317dc6097229e12afaffbfa74dc2")
        #expect(index.entries(path: guide).count == 3)
        let resolved = try #require(index.entry(path: guide, stage: 2))
        var stageZero = resolved
        stageZero.stage = 0
        index.insert(stageZero)
        #expect(index.entries.map(\.stage) == [0])
        #expect(!index.isConflicted(path: guide))
    }

    @Test func checksumMismatchIsRefused() throws {
        var bytes = try GitIndexFixtures.bytes(GitIndexFixtures.v2)
        bytes[100] ^= 0x01
        #expect {
            try IndexFile.parse(bytes, algorithm: .sha1, file: "/repo/.git/index")
        } throws: { error in
            guard case IndexError.checksumMismatch(let file, _, _) = error else { return false }
            return file == "/repo/.git/index"
        }
    }

    @Test func requiredExtensionIsRefusedOptionalKept() throws {
        let original = try GitIndexFixtures.bytes(GitIndexFixtures.sha256)
        let body = Array(original.dropLast(HashAlgorithm.sha256.digestLength))
        func withExtension(_ signature: String) -> [UInt8] {
            let content = body + Array(signature.utf8) + [0, 0, 0, 2, 0x41, 0x42]
            return content + HashAlgorithm.sha256.digest(content).bytes
        }
        #expect {
            try IndexFile.parse(withExtension("link"), algorithm: .sha256)
        } throws: { error in
            guard case IndexError.unsupportedExtension(_, let signature, _) = error else { return false }
            return signature == "link"
        }
        let kept = try IndexFile.parse(withExtension("ZZZZ"), algorithm: .sha256)
        #expect(kept.extensions == [IndexExtension(signature: Array("ZZZZ".utf8), data: [0x41, 0x42])])
    }

    @Test func truncatedAndCorruptInputThrowsInsteadOfCrashing() throws {
        let original = try GitIndexFixtures.bytes(GitIndexFixtures.v4)
        for length in 0..<original.count {
            #expect(throws: IndexError.self) { try IndexFile.parse(Array(original[..<length]), algorithm: .sha1) }
        }
        // Flip each byte of the content and re-seal the checksum: parsing must
        // either succeed or throw, never trap.
        let body = Array(original.dropLast(20))
        var thrown = 0
        for position in 0..<body.count {
            var damaged = body
            damaged[position] ^= 0xFF
            let sealed = damaged + HashAlgorithm.sha1.digest(damaged).bytes
            do { _ = try IndexFile.parse(sealed, algorithm: .sha1) } catch is IndexError { thrown += 1 }
        }
        #expect(thrown > 0)
        #expect(throws: IndexError.self) { try IndexFile.parse(Array("DIRX".utf8) + body.dropFirst(4) + [UInt8](repeating: 0, count: 20), algorithm: .sha1) }
    }

    @Test func unsortedEntriesAreRefused() throws {
        let id = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        var index = IndexFile()
        index.entries = [
            IndexEntry(path: Array("b".utf8), id: id, mode: 0o100644),
            IndexEntry(path: Array("a".utf8), id: id, mode: 0o100644),
        ]
        #expect(throws: IndexError.unsortedEntries(file: "<memory>", path: Array("a".utf8))) {
            try index.serialized(algorithm: .sha1)
        }
        // Swap the two 64-byte entries of a sorted file and re-seal the checksum.
        index.entries.reverse()
        let sorted = try index.serialized(algorithm: .sha1)
        let body = Array(sorted[0..<12]) + Array(sorted[76..<140]) + Array(sorted[12..<76]) + Array(sorted[140..<(sorted.count - 20)])
        let swapped = body + HashAlgorithm.sha1.digest(body).bytes
        #expect {
            try IndexFile.parse(swapped, algorithm: .sha1)
        } throws: { error in
            guard case IndexError.unsortedEntries(_, let path) = error else { return false }
            return path == Array("a".utf8)
        }
    }

    @Test func longPathsUseTheFullNameLengthMarker() throws {
        let id = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        let longPath = [UInt8](repeating: 0x61, count: 5000)
        let index = IndexFile(entries: [IndexEntry(path: longPath, id: id, mode: 0o100644)])
        // gitformat-index: a name of 0xFFF or more bytes stores 0xFFF in the flags.
        #expect(index.entries.first?.flags == 0x0FFF)
        for version: UInt32 in [2, 4] {
            var copy = index
            copy.version = version
            let parsed = try IndexFile.parse(copy.serialized(algorithm: .sha1), algorithm: .sha1)
            #expect(parsed.entries.first?.path == longPath)
        }
    }

    @Test func version4PrefixLengthEncoding() throws {
        // Offset encoding of pack-format.txt: 127 -> 7f, 128 -> 80 00, 16511 -> ff 7f, 16512 -> 80 80 00.
        #expect(IndexFile.encodeOffsetVarint(0) == [0x00])
        #expect(IndexFile.encodeOffsetVarint(127) == [0x7F])
        #expect(IndexFile.encodeOffsetVarint(128) == [0x80, 0x00])
        #expect(IndexFile.encodeOffsetVarint(16511) == [0xFF, 0x7F])
        #expect(IndexFile.encodeOffsetVarint(16512) == [0x80, 0x80, 0x00])
        for value in [0, 1, 127, 128, 300, 16511, 16512, 1 << 20] {
            let encoded = IndexFile.encodeOffsetVarint(value)
            let decoded = try encoded.withUnsafeBytes { raw in
                var reader = IndexByteReader(raw, file: "t", end: encoded.count)
                return try reader.offsetVarint()
            }
            #expect(decoded == value)
        }
    }

    @Test func lookupInsertRemove() throws {
        let id = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        func entry(_ path: String) -> IndexEntry { IndexEntry(path: Array(path.utf8), id: id, mode: 0o100644) }
        var index = IndexFile(entries: [entry("b"), entry("a-x"), entry("a/c"), entry("a/b")])
        #expect(index.entries.map { String(decoding: $0.path, as: UTF8.self) } == ["a-x", "a/b", "a/c", "b"])
        #expect(index.contains(path: Array("a/c".utf8)))
        #expect(!index.contains(path: Array("a".utf8)))
        #expect(index.trackedPaths.count == 4)
        // A file "a" replaces the directory "a/"; a file "b/x" replaces the file "b".
        index.insert(entry("a"))
        index.insert(entry("b/x"))
        #expect(index.entries.map { String(decoding: $0.path, as: UTF8.self) } == ["a", "a-x", "b/x"])
        let removed = index.remove(path: Array("a-x".utf8))
        let removedAgain = index.remove(path: Array("a-x".utf8))
        #expect(removed && !removedAgain)
        #expect(index.entries.count == 2)
    }

    @Test func changingEntriesDropsTheCacheTree() throws {
        var index = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v2), algorithm: .sha1)
        #expect(!index.extensions.isEmpty)
        index.remove(path: Array("link".utf8))
        #expect(index.extensions.isEmpty)
    }

    @Test func readWriteThroughLockFile() throws {
        let dir = try ScratchDirectory.make()
        defer { ScratchDirectory.remove(dir) }
        let path = dir + "/index"
        let empty = try IndexFile.read(path: path, algorithm: .sha1)
        #expect(empty.version == 2 && empty.entries.isEmpty && empty.timestamp == nil)

        let original = try IndexFile.parse(GitIndexFixtures.bytes(GitIndexFixtures.v2), algorithm: .sha1)
        try original.write(to: path, algorithm: .sha1)
        #expect(FileManager.default.fileExists(atPath: path + ".lock") == false)
        let reread = try IndexFile.read(path: path, algorithm: .sha1)
        #expect(reread.entries == original.entries)
        #expect(reread.timestamp != nil)
        let onDisk = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(onDisk == (try GitIndexFixtures.bytes(GitIndexFixtures.v2)))

        let lock = try LockFile.acquire(for: path)
        #expect(throws: StoreError.lockHeld(lockPath: path + ".lock")) { try original.write(to: path, algorithm: .sha1) }
        lock.rollback()
        #expect(FileManager.default.fileExists(atPath: path + ".lock") == false)
        try original.write(to: path, algorithm: .sha1)

        var damaged = onDisk
        damaged[40] ^= 0x10
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        #expect {
            try IndexFile.read(path: path, algorithm: .sha1)
        } throws: { error in
            guard case IndexError.checksumMismatch(let file, _, _) = error else { return false }
            return file == path
        }
    }
}
