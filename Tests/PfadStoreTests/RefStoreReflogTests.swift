import PfadObjects
import Testing
@testable import PfadStore

@Suite struct RefStoreReflogTests {
    /// `.git/logs/HEAD` after `git commit --allow-empty -m 'Erster Leitfaden'`
    /// (git 2.39, committer "A <a@x>", GIT_COMMITTER_DATE='1700000000 +0100').
    static let gitLine = [UInt8](
        "0000000000000000000000000000000000000000 d35f457bdf464a54e7097e3e8ab20dc1e2e22251 A <a@x> 1700000000 +0100\tcommit (initial): Erster Leitfaden\n"
    )

    @Test func commitThroughHeadLogsBothRefsLikeGit() throws {
        let dir = try Scratch("pfad-reflog")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        try dir.write("HEAD", [UInt8]("ref: refs/heads/main\n"))
        let new = try #require(ObjectID(hex: "d35f457bdf464a54e7097e3e8ab20dc1e2e22251"))
        let entry = ReflogEntry(
            old: HashAlgorithm.sha1.nullID, new: new, committer: [UInt8]("A <a@x> 1700000000 +0100"),
            message: [UInt8]("commit (initial): Erster Leitfaden"))
        try refs.updateFollowingSymrefs([UInt8]("HEAD"), to: new, expected: .absent, reflog: entry)
        #expect(dir.read("logs/HEAD") == Self.gitLine)
        #expect(dir.read("logs/refs/heads/main") == Self.gitLine)
        let read = try refs.readReflog([UInt8]("HEAD"))
        #expect(read == [entry])
    }

    @Test func oldAndNewComeFromTheLockedValue() throws {
        let dir = try Scratch("pfad-reflog")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha256)
        let a = ObjectID(uncheckedBytes: [UInt8](repeating: 0xAA, count: 32))
        let b = ObjectID(uncheckedBytes: [UInt8](repeating: 0xBB, count: 32))
        let stale = ReflogEntry(old: b, new: b, committer: [UInt8]("Jörg <j@soest.example> 1700000100 +0100"), message: [UInt8]("x"))
        try refs.update([UInt8]("refs/heads/main"), to: a, expected: .absent, reflog: stale)
        try refs.update([UInt8]("refs/heads/main"), to: b, expected: .value(a), reflog: stale)
        let log = try refs.readReflog([UInt8]("refs/heads/main"))
        #expect(log.map(\.old) == [HashAlgorithm.sha256.nullID, a])
        #expect(log.map(\.new) == [a, b])
    }

    @Test func policyDecidesWhichRefsGetNewLogs() throws {
        let dir = try Scratch("pfad-reflog")
        defer { dir.remove() }
        var refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        #expect(refs.shouldLog([UInt8]("HEAD")))
        #expect(refs.shouldLog([UInt8]("refs/heads/x")))
        #expect(refs.shouldLog([UInt8]("refs/remotes/origin/x")))
        #expect(!refs.shouldLog([UInt8]("refs/tags/v1")))
        refs.reflogPolicy = .always
        #expect(refs.shouldLog([UInt8]("refs/tags/v1")))
        refs.reflogPolicy = .existingOnly
        #expect(!refs.shouldLog([UInt8]("refs/heads/x")))
        try dir.write("logs/refs/heads/x", [])
        #expect(refs.shouldLog([UInt8]("refs/heads/x")))
    }

    @Test func messagesAreFoldedOntoOneLine() throws {
        let dir = try Scratch("pfad-reflog")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        let zero = HashAlgorithm.sha1.nullID
        try refs.appendReflog([UInt8]("HEAD"), ReflogEntry(old: zero, new: zero, committer: [UInt8]("A <a@x> 1 +0000"), message: [UInt8]("  merge\n\n  Menden \t Olpe \n")))
        try refs.appendReflog([UInt8]("HEAD"), ReflogEntry(old: zero, new: zero, committer: [UInt8]("A <a@x> 2 +0000"), message: []))
        let hex = zero.hex
        #expect(dir.read("logs/HEAD") == [UInt8]("\(hex) \(hex) A <a@x> 1 +0000\tmerge Menden Olpe\n\(hex) \(hex) A <a@x> 2 +0000\n"))
        let log = try refs.readReflog([UInt8]("HEAD"))
        #expect(log.map(\.message) == [[UInt8]("merge Menden Olpe"), []])
        #expect(try refs.readReflog([UInt8]("refs/heads/none")).isEmpty)
    }
}

@Suite struct RefStoreHeadReflogTests {
    @Test func updatingTheCheckedOutBranchAlsoLogsHead() throws {
        // git 2.39: `git update-ref -m msg refs/heads/main <new>` while HEAD -> main
        // appends the line to both logs/refs/heads/main and logs/HEAD.
        let dir = try Scratch("pfad-reflog")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        try dir.write("HEAD", [UInt8]("ref: refs/heads/main\n"))
        let a = ObjectID(uncheckedBytes: [UInt8](repeating: 1, count: 20))
        let entry = ReflogEntry(old: a, new: a, committer: [UInt8]("A <a@x> 1 +0000"), message: [UInt8]("msg"))
        try refs.update([UInt8]("refs/heads/main"), to: a, expected: .absent, reflog: entry)
        try refs.update([UInt8]("refs/heads/other"), to: a, expected: .absent, reflog: entry)
        #expect(try refs.readReflog([UInt8]("HEAD")).count == 1)
        #expect(try refs.readReflog([UInt8]("refs/heads/main")).count == 1)
        #expect(try refs.readReflog([UInt8]("refs/heads/other")).count == 1)
        // Through HEAD: one line per log, not two in HEAD.
        try refs.updateFollowingSymrefs([UInt8]("HEAD"), to: a, expected: .any, reflog: entry)
        #expect(try refs.readReflog([UInt8]("HEAD")).count == 2)
        #expect(try refs.readReflog([UInt8]("refs/heads/main")).count == 2)
        #expect(try refs.all(prefix: [UInt8]("re")).count == 2)
    }
}
