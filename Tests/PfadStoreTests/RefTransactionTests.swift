import Foundation
import PfadObjects
import Testing
@testable import PfadStore

@Suite struct RefTransactionTests {
    static let commit = "d35f457bdf464a54e7097e3e8ab20dc1e2e22251"
    static let tag = "426e5f9b5e72fb2437ef724083cd7fe67c020586"
    static let committer = [UInt8]("A U Thor <author@example.com> 1700000000 +0100")

    func id(_ hex: String) throws -> ObjectID { try #require(ObjectID(hex: hex)) }

    /// An id whose last four bytes hold `counter` (big-endian), the rest zero.
    func counterID(_ counter: Int) -> ObjectID {
        let value = UInt32(truncatingIfNeeded: counter)
        return ObjectID(uncheckedBytes: [UInt8](repeating: 0, count: 16) + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
    }

    func counter(of id: ObjectID?) -> Int? {
        guard let bytes = id?.hexBytes else { return nil }
        return Int(String(decoding: bytes.suffix(8), as: UTF8.self), radix: 16)
    }

    /// A git directory with `HEAD` → `refs/heads/main` and no refs.
    func repository(_ policy: ReflogPolicy = .normal) throws -> (Scratch, RefStore) {
        let dir = try Scratch("pfad-transaction")
        try dir.write("HEAD", [UInt8]("ref: refs/heads/main\n"))
        try FileManager.default.createDirectory(atPath: dir.path + "/refs/heads", withIntermediateDirectories: true)
        return (dir, RefStore(gitDirectory: dir.path, algorithm: .sha1, reflogPolicy: policy))
    }

    /// Builds and commits a transaction; the error is what `commit` threw.
    @discardableResult
    func commit(_ refs: RefStore, _ build: (inout RefTransaction) throws -> Void) throws -> [RefChangeResult] {
        var transaction = refs.transaction()
        try build(&transaction)
        return try transaction.commit()
    }

    /// Every `*.lock` file below the git directory.
    func locks(_ dir: Scratch) -> [String] {
        let walker = FileManager.default.enumerator(atPath: dir.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".lock") { found.append(path) }
        }
        return found.sorted()
    }

    func text(_ name: String) -> [UInt8] { [UInt8](name) }

    @Test func compareAndSwapPerKind() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let name = text("refs/heads/olpe")
        let a = try id(Self.commit), b = try id(Self.tag)
        // Create: must not exist.
        let created = try commit(refs) { $0.update(name, to: a, expected: .absent) }
        #expect(created == [RefChangeResult(name: name, target: name, old: nil)])
        #expect(dir.read("refs/heads/olpe") == [UInt8](Self.commit + "\n"))
        #expect(throws: StoreError.refTransactionFailed(
            name: name, stage: .verify, cause: .refChanged(name: name, expected: .absent, actual: a))) {
            try commit(refs) { $0.update(name, to: b, expected: .absent) }
        }
        // Update: must hold the expected id.
        do {
            try commit(refs) { $0.update(name, to: b, expected: .value(b)) }
            Issue.record("a stale expectation must fail")
        } catch let error as StoreError {
            // `git update-ref refs/heads/olpe <tag> <tag>` in git 2.39 says so.
            #expect(error.description == "cannot lock ref 'refs/heads/olpe': is at \(Self.commit) but expected \(Self.tag)")
        }
        #expect(try commit(refs) { $0.update(name, to: b, expected: .value(a)) }.first?.old == a)
        #expect(dir.read("refs/heads/olpe") == [UInt8](Self.tag + "\n"))
        // Any: whatever is there.
        #expect(try commit(refs) { $0.update(name, to: a, expected: .any) }.first?.old == b)
        // Delete: must hold the expected id; then the file is gone.
        #expect(throws: StoreError.refTransactionFailed(
            name: name, stage: .verify, cause: .refChanged(name: name, expected: .value(b), actual: a))) {
            try commit(refs) { $0.delete(name, expected: .value(b)) }
        }
        #expect(dir.read("refs/heads/olpe") == [UInt8](Self.commit + "\n"))
        try commit(refs) { $0.delete(name, expected: .value(a)) }
        #expect(!dir.exists("refs/heads/olpe"))
        #expect(throws: StoreError.refTransactionFailed(
            name: name, stage: .verify, cause: .refChanged(name: name, expected: .value(a), actual: nil))) {
            try commit(refs) { $0.delete(name, expected: .value(a)) }
        }
        try commit(refs) { $0.delete(name, expected: .absent) }  // absent and expected so: nothing to do
        #expect(locks(dir).isEmpty)
    }

    @Test func oneFailingRefChangesNothing() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let a = try id(Self.commit), b = try id(Self.tag)
        try dir.write("refs/heads/b", [UInt8](Self.commit + "\n"))
        try dir.write("refs/heads/c", [UInt8](Self.commit + "\n"))
        try dir.write("refs/heads/d", [UInt8](Self.commit + "\n"))
        try dir.write("packed-refs", [UInt8]("\(Self.commit) refs/heads/d\n"))
        // The last of four changes expects the wrong value.
        #expect(throws: StoreError.refTransactionFailed(
            name: text("refs/heads/c"), stage: .verify,
            cause: .refChanged(name: text("refs/heads/c"), expected: .value(b), actual: a))) {
            try commit(refs) {
                $0.update(text("refs/heads/new/a"), to: b, expected: .absent)
                $0.update(text("refs/heads/b"), to: b, expected: .value(a))
                $0.delete(text("refs/heads/d"), expected: .value(a))
                $0.update(text("refs/heads/c"), to: a, expected: .value(b))
            }
        }
        #expect(!dir.exists("refs/heads/new/a"))
        #expect(dir.read("refs/heads/b") == [UInt8](Self.commit + "\n"))
        #expect(dir.read("refs/heads/c") == [UInt8](Self.commit + "\n"))
        #expect(dir.read("refs/heads/d") == [UInt8](Self.commit + "\n"))
        #expect(dir.read("packed-refs") == [UInt8]("\(Self.commit) refs/heads/d\n"))
        #expect(!dir.exists("logs/refs/heads/b"))
        #expect(locks(dir).isEmpty)

        // A lock held by someone else: same outcome, their lock stays.
        try dir.write("refs/heads/c.lock", [])
        do {
            try commit(refs) {
                $0.update(text("refs/heads/b"), to: b, expected: .value(a))
                $0.update(text("refs/heads/c"), to: b, expected: .value(a))
            }
            Issue.record("a held lock must fail the transaction")
        } catch let error as StoreError {
            #expect(error == .refTransactionFailed(
                name: text("refs/heads/c"), stage: .lock, cause: .lockHeld(lockPath: dir.path + "/refs/heads/c.lock")))
        }
        #expect(dir.read("refs/heads/b") == [UInt8](Self.commit + "\n"))
        #expect(locks(dir) == ["refs/heads/c.lock"])
    }

    @Test func deletesPackedOnlyAndPackedPlusLooseRefs() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("packed-refs", PackedRefsTests.gitFile)
        try dir.write("refs/heads/main", [UInt8](Self.tag + "\n"))  // loose wins over the packed line
        try commit(refs) {
            $0.delete(text("refs/heads/feature"), expected: .value(try id(Self.commit)))  // packed only
            $0.delete(text("refs/heads/main"), expected: .value(try id(Self.tag)))  // loose and packed
        }
        #expect(try refs.read(text("refs/heads/feature")) == nil)
        #expect(try refs.read(text("refs/heads/main")) == nil)  // the packed value does not show through
        #expect(!dir.exists("refs/heads/main"))
        // git's file without both lines: header and the tag with its peeled line kept.
        #expect(dir.read("packed-refs") == [UInt8](
            """
            # pack-refs with: peeled fully-peeled sorted 
            426e5f9b5e72fb2437ef724083cd7fe67c020586 refs/tags/v1
            ^d35f457bdf464a54e7097e3e8ab20dc1e2e22251

            """))
        #expect(locks(dir).isEmpty)
    }

    @Test func heldPackedRefsLockFailsADeletionOfAPackedRef() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("packed-refs", PackedRefsTests.gitFile)
        try dir.write("packed-refs.lock", [])
        do {
            try commit(refs) { $0.delete(text("refs/heads/feature")) }
            Issue.record("deleting a packed ref needs packed-refs.lock")
        } catch let error as StoreError {
            #expect(error == .refTransactionFailed(
                name: text("refs/heads/feature"), stage: .lockPackedRefs, cause: .lockHeld(lockPath: dir.path + "/packed-refs.lock")))
        }
        #expect(dir.read("packed-refs") == PackedRefsTests.gitFile)
        // Like git, every deletion takes packed-refs.lock (git 2.39 `update-ref -d`
        // of a loose-only ref fails the same way), so it never overlaps packing.
        try dir.write("refs/heads/loose", [UInt8](Self.tag + "\n"))
        #expect(throws: StoreError.refTransactionFailed(
            name: text("refs/heads/loose"), stage: .lockPackedRefs, cause: .lockHeld(lockPath: dir.path + "/packed-refs.lock"))) {
            try commit(refs) { $0.delete(text("refs/heads/loose")) }
        }
        #expect(dir.read("refs/heads/loose") == [UInt8](Self.tag + "\n"))
        #expect(locks(dir) == ["packed-refs.lock"])
        // Without the lock, a loose-only deletion leaves packed-refs as it was.
        try FileManager.default.removeItem(atPath: dir.path + "/packed-refs.lock")
        try commit(refs) { $0.delete(text("refs/heads/loose")) }
        #expect(!dir.exists("refs/heads/loose"))
        #expect(dir.read("packed-refs") == PackedRefsTests.gitFile)
        #expect(locks(dir).isEmpty)
    }

    @Test func removesEmptyFoldersUpToTheRefKind() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("refs/heads/a/b/c", [UInt8](Self.commit + "\n"))
        try dir.write("refs/heads/a/keep", [UInt8](Self.commit + "\n"))
        try dir.write("logs/refs/heads/a/b/c", [UInt8]("log\n"))
        try dir.write("refs/tags/x/y", [UInt8](Self.commit + "\n"))
        try commit(refs) {
            $0.delete(text("refs/heads/a/b/c"))
            $0.delete(text("refs/tags/x/y"))
        }
        #expect(!dir.exists("refs/heads/a/b"))
        #expect(dir.list("refs/heads/a") == ["keep"])
        #expect(!dir.exists("logs/refs/heads/a/b"))
        #expect(!dir.exists("refs/tags/x"))
        #expect(dir.list("refs") == ["heads", "tags"])  // git keeps refs/<kind>/
    }

    @Test func writesReflogLinesForTheRefAndHEAD() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let null = String(repeating: "0", count: 40)
        let entry = ReflogEntry(old: counterID(9), new: counterID(9), committer: Self.committer, message: text("commit (initial):  eins\n"))
        // Through HEAD: the unborn branch is created, both logs get the line.
        let results = try commit(refs) {
            $0.update(text("HEAD"), to: try id(Self.commit), expected: .absent, reflog: entry, followingSymbolicRefs: true)
            $0.update(text("refs/tags/v1"), to: try id(Self.tag), reflog: entry)  // tags are not logged by default
        }
        #expect(results.first == RefChangeResult(name: text("HEAD"), target: text("refs/heads/main"), old: nil))
        let first = "\(null) \(Self.commit) A U Thor <author@example.com> 1700000000 +0100\tcommit (initial): eins\n"
        #expect(dir.read("logs/refs/heads/main") == [UInt8](first))
        #expect(dir.read("logs/HEAD") == [UInt8](first))
        #expect(!dir.exists("logs/refs/tags/v1"))
        #expect(dir.read("HEAD") == [UInt8]("ref: refs/heads/main\n"))
        // Straight at the branch HEAD points to: HEAD's log gets it too.
        try commit(refs) { $0.update(text("refs/heads/main"), to: try id(Self.tag), reflog: entry) }
        let second = "\(Self.commit) \(Self.tag) A U Thor <author@example.com> 1700000000 +0100\tcommit (initial): eins\n"
        #expect(dir.read("logs/refs/heads/main") == [UInt8](first + second))
        #expect(dir.read("logs/HEAD") == [UInt8](first + second))
        // Deleting a ref removes its log.
        try commit(refs) { $0.delete(text("refs/heads/main")) }
        #expect(!dir.exists("logs/refs/heads/main"))
    }

    @Test func setsSymbolicRefsAndRefusesDuplicates() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try commit(refs) {
            $0.update(text("refs/heads/topic"), to: try id(Self.commit))
            $0.setSymbolic(text("HEAD"), target: text("refs/heads/topic"))
        }
        #expect(dir.read("HEAD") == [UInt8]("ref: refs/heads/topic\n"))
        #expect(throws: StoreError.refTransactionFailed(
            name: text("HEAD"), stage: .lock, cause: .duplicateRefUpdate(name: text("refs/heads/topic")))) {
            try commit(refs) {
                $0.update(text("refs/heads/topic"), to: try id(Self.tag))
                $0.update(text("HEAD"), to: try id(Self.tag), followingSymbolicRefs: true)
            }
        }
        #expect(dir.read("refs/heads/topic") == [UInt8](Self.commit + "\n"))
        #expect(locks(dir).isEmpty)
    }

    @Test func concurrentCompareAndSwapIncrementsLoseNothing() throws {
        let (dir, refs) = try repository(.always)
        defer { dir.remove() }
        let name = text("refs/heads/counter")
        try commit(refs) { $0.update(name, to: counterID(0), expected: .absent) }
        let threads = 8, rounds = 50
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var won = 0, lost = 0
            for _ in 0..<rounds {
                guard let current = try? refs.resolve(name), let value = counter(of: current) else {
                    lost += 1
                    continue
                }
                var transaction = refs.transaction()
                let entry = ReflogEntry(old: current, new: current, committer: Self.committer, message: text("increment"))
                transaction.update(name, to: counterID(value + 1), expected: .value(current), reflog: entry)
                do {
                    try transaction.commit()
                    won += 1
                } catch {
                    lost += 1
                }
            }
            tally.add(won: won, lost: lost)
        }
        let (successes, failures) = tally.totals
        #expect(successes + failures == threads * rounds)
        #expect(successes > 0)
        #expect(counter(of: try refs.resolve(name)) == successes)  // no increment lost or doubled
        #expect(try refs.readReflog(name).count == successes)  // the creation above wrote none
        #expect(locks(dir).isEmpty)
    }

    @Test func crashBetweenLockAndRenameKeepsTheOldValue() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let main = text("refs/heads/main")
        try dir.write("refs/heads/main", [UInt8](Self.commit + "\n"))
        // Prepared: the new value sits in the lock file, the ref is untouched.
        var transaction = refs.transaction()
        transaction.update(main, to: try id(Self.tag), expected: .value(try id(Self.commit)))
        try transaction.prepare()
        #expect(dir.read("refs/heads/main.lock") == [UInt8](Self.tag + "\n"))
        #expect(try refs.resolve(main) == (try id(Self.commit)))
        transaction.abort()
        #expect(locks(dir).isEmpty)
        // What a writer killed at that point leaves behind.
        try dir.write("refs/heads/main.lock", [UInt8](Self.tag + "\n"))
        #expect(try refs.resolve(main) == (try id(Self.commit)))
        do {
            try commit(refs) { $0.update(main, to: try id(Self.tag)) }
            Issue.record("a stale lock must block the next transaction")
        } catch let error as StoreError {
            // git 2.39: "fatal: cannot lock ref 'refs/heads/main': Unable to create '…/refs/heads/main.lock': File exists."
            #expect(error.description
                == "cannot lock ref 'refs/heads/main': Unable to create '\(dir.path)/refs/heads/main.lock': File exists.")
        }
        #expect(try refs.resolve(main) == (try id(Self.commit)))
        #expect(dir.read("refs/heads/main.lock") == [UInt8](Self.tag + "\n"))  // not ours to remove
    }

    @Test func droppedPreparedTransactionReleasesItsLocks() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        do {
            var transaction = refs.transaction()
            transaction.update(text("refs/heads/a"), to: try id(Self.commit))
            transaction.update(text("refs/heads/b"), to: try id(Self.commit))
            try transaction.prepare()
            #expect(locks(dir) == ["refs/heads/a.lock", "refs/heads/b.lock"])
        }
        #expect(locks(dir).isEmpty)
        #expect(!dir.exists("refs/heads/a"))
    }
}

/// Successes and failures counted across threads.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var won = 0
    private var lost = 0

    func add(won: Int, lost: Int) {
        lock.lock()
        self.won += won
        self.lost += lost
        lock.unlock()
    }

    var totals: (won: Int, lost: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (won, lost)
    }
}
