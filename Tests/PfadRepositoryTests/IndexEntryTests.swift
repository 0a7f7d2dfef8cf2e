import Foundation
import PfadObjects
import Testing

@testable import PfadRepository

@Suite struct IndexEntryTests {
    static let emptyBlob = ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    static let someBlob = ObjectID(hex: "7a8317fc7fe1abc6ebad4959affe05cc8f1b1de4")

    static func stat(mode: UInt32 = 0o100644, size: Int64 = 16, mtime: UInt32 = 1_700_000_000) -> StatData {
        StatData(
            ctime: IndexTime(seconds: mtime, nanoseconds: 5), mtime: IndexTime(seconds: mtime, nanoseconds: 7),
            dev: 27, ino: 4259, mode: mode, uid: 1000, gid: 100, size: size)
    }

    @Test func flagsFieldLayout() throws {
        let id = try #require(Self.someBlob)
        // gitformat-index: assume-valid 0x8000, extended 0x4000, stage in bits 12-13, name length in the low 12 bits.
        var entry = IndexEntry(path: Array("guide.md".utf8), id: id, mode: 0o100644, stage: 2)
        #expect(entry.flags == 0x2008)
        entry.assumeValid = true
        #expect(entry.flags == 0xA008)
        entry.intentToAdd = true
        #expect(entry.flags == 0xE008)
        // Extended flags: skip-worktree 0x4000, intent-to-add 0x2000.
        #expect(entry.extendedFlags == 0x2000)
        entry.skipWorktree = true
        #expect(entry.extendedFlags == 0x6000)
    }

    @Test func statMatchingFollowsGitRules() throws {
        let id = try #require(Self.someBlob)
        let base = Self.stat()
        let entry = IndexEntry(path: Array("README.md".utf8), id: id, stat: base)
        #expect(entry.mode == 0o100644)
        #expect(entry.matches(stat: base))

        var touched = base
        touched.mtime.seconds += 1
        #expect(entry.statChanges(against: touched) == .mtime)
        var nano = base
        nano.mtime.nanoseconds += 1
        #expect(entry.statChanges(against: nano) == .mtime)
        #expect(entry.matches(stat: nano, options: StatCheckOptions(compareNanoseconds: false)))

        var ctime = base
        ctime.ctime.seconds += 1
        #expect(entry.statChanges(against: ctime) == .ctime)
        #expect(entry.matches(stat: ctime, options: StatCheckOptions(trustCTime: false)))

        var moved = base
        moved.ino += 1
        moved.uid = 0
        #expect(entry.statChanges(against: moved) == [.inode, .owner])
        #expect(entry.matches(stat: moved, options: StatCheckOptions(checkAllFields: false)))
        var otherDevice = base
        otherDevice.dev = 99
        #expect(entry.matches(stat: otherDevice))

        var grown = base
        grown.size = 17
        #expect(entry.statChanges(against: grown) == .data)
        // Sizes are compared truncated to 32 bits, as the index stores them.
        var huge = base
        huge.size = (1 << 32) + 16
        #expect(entry.matches(stat: huge))

        let executable = Self.stat(mode: 0o100755)
        #expect(entry.statChanges(against: executable) == .mode)
        #expect(entry.matches(stat: executable, options: StatCheckOptions(trustExecutableBit: false)))

        let symlink = Self.stat(mode: 0o120777)
        #expect(entry.statChanges(against: symlink).contains(.type))
    }

    @Test func specialEntries() throws {
        let id = try #require(Self.someBlob)
        let empty = try #require(Self.emptyBlob)
        let base = Self.stat()
        var gitlink = IndexEntry(path: Array("sub".utf8), id: id, mode: 0o160000)
        #expect(gitlink.matches(stat: Self.stat(mode: 0o040755)))
        #expect(!gitlink.matches(stat: base))
        gitlink.mode = 0o120000
        #expect(!gitlink.matches(stat: base))

        var ita = IndexEntry(path: Array("new.txt".utf8), id: empty, stat: base)
        ita.intentToAdd = true
        #expect(!ita.matches(stat: base))
        var valid = IndexEntry(path: Array("x".utf8), id: id, mode: 0o100644)
        valid.assumeValid = true
        #expect(valid.matches(stat: base))
        #expect(!valid.matches(stat: base, options: StatCheckOptions(honorAssumeValid: false)))

        // A smudged entry (size 0, not the empty blob) never matches; the empty blob with size 0 does.
        var smudged = IndexEntry(path: Array("x".utf8), id: id, stat: Self.stat(size: 0))
        #expect(smudged.statChanges(against: Self.stat(size: 0)) == .data)
        smudged.id = empty
        #expect(smudged.matches(stat: Self.stat(size: 0)))
        var entry = IndexEntry(path: Array("x".utf8), id: id, stat: base)
        entry.smudge()
        #expect(entry.size == 0)
    }

    @Test func racyGitDetection() throws {
        let id = try #require(Self.someBlob)
        let entry = IndexEntry(path: Array("a".utf8), id: id, stat: Self.stat(mtime: 1_700_000_000))
        #expect(entry.isRacilyClean(indexMTime: IndexTime(seconds: 1_700_000_000, nanoseconds: 0)))
        #expect(entry.isRacilyClean(indexMTime: IndexTime(seconds: 1_699_999_999, nanoseconds: 0)))
        #expect(!entry.isRacilyClean(indexMTime: IndexTime(seconds: 1_700_000_001, nanoseconds: 0)))
        #expect(!IndexFile.isRacilyClean(entry, indexMTime: nil))
    }

    @Test func statDataFromTheFileSystem() throws {
        let dir = try ScratchDirectory.make()
        defer { ScratchDirectory.remove(dir) }
        let file = dir + "/Über uns.md"
        try Data("Wir sind fünf.\n".utf8).write(to: URL(fileURLWithPath: file))
        let st = try #require(StatData.of(path: file))
        #expect(st.isRegularFile && st.size == 16)
        #expect(st.indexMode() == 0o100644)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        let exe = try #require(StatData.of(path: file))
        #expect(exe.indexMode() == 0o100755)
        #expect(exe.indexMode(trustExecutableBit: false, previousMode: 0o100644) == 0o100644)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: "Über uns.md")
        #expect(StatData.of(path: dir + "/link")?.indexMode() == 0o120000)
        #expect(StatData.of(path: dir)?.indexMode() == 0o160000)
        #expect(StatData.of(path: dir + "/absent") == nil)
        #expect(StatData.of(path: Array((dir + "/Über uns.md").utf8)) == exe)

        let id = try #require(Self.someBlob)
        let entry = IndexEntry(path: Array("Über uns.md".utf8), id: id, stat: exe)
        #expect(entry.matches(stat: try #require(StatData.of(path: file))))
        try Data("Wir sind sechs.\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(!entry.matches(stat: try #require(StatData.of(path: file))))
    }
}
