import Foundation
import PfadObjects
import Testing
@testable import PfadStore

@Suite struct RefStoreTests {
    static let commit = "d35f457bdf464a54e7097e3e8ab20dc1e2e22251"
    static let tag = "426e5f9b5e72fb2437ef724083cd7fe67c020586"

    func id(_ hex: String) throws -> ObjectID { try #require(ObjectID(hex: hex)) }

    func fakeID(_ seed: Int, _ algorithm: HashAlgorithm) -> ObjectID {
        ObjectID(uncheckedBytes: (0..<algorithm.digestLength).map { UInt8(truncatingIfNeeded: seed &+ $0 &* 7) })
    }

    func gitRepository() throws -> (Scratch, RefStore) {
        let dir = try Scratch("pfad-refs")
        try dir.write("HEAD", [UInt8]("ref: refs/heads/main\n"))
        try dir.write("packed-refs", PackedRefsTests.gitFile)
        return (dir, RefStore(gitDirectory: dir.path, algorithm: .sha1))
    }

    @Test func readsLoosePackedAndSymbolic() throws {
        let (dir, refs) = try gitRepository()
        defer { dir.remove() }
        #expect(try refs.read([UInt8]("HEAD")) == .symbolic([UInt8]("refs/heads/main")))
        #expect(try refs.read([UInt8]("refs/heads/main")) == .direct(try id(Self.commit)))
        #expect(try refs.resolve([UInt8]("HEAD")) == (try id(Self.commit)))
        #expect(try refs.read([UInt8]("refs/heads/none")) == nil)
        #expect(try refs.read([UInt8]("config")) == nil)
        // A loose file overrides the packed value (trailing whitespace allowed).
        try dir.write("refs/heads/main", [UInt8](Self.tag + " \n"))
        #expect(try refs.resolve([UInt8]("HEAD")) == (try id(Self.tag)))
        try dir.write("refs/heads/broken", [UInt8]("zzzz\n"))
        #expect(throws: StoreError.self) { _ = try refs.read([UInt8]("refs/heads/broken")) }
    }

    @Test func listsLikeShowRef() throws {
        let (dir, refs) = try gitRepository()
        defer { dir.remove() }
        try dir.write("refs/heads/arnsberg/stadtführung", [UInt8](Self.tag + "\n"))
        try dir.write("refs/heads/main", [UInt8](Self.tag + "\n"))
        try dir.write("refs/remotes/origin/HEAD", [UInt8]("ref: refs/heads/main\n"))
        try dir.write("refs/heads/x.lock", [UInt8](Self.tag + "\n"))
        let all = try refs.all()
        #expect(all.map { String(decoding: $0.name, as: UTF8.self) } == [
            "refs/heads/arnsberg/stadtführung", "refs/heads/feature", "refs/heads/main",
            "refs/remotes/origin/HEAD", "refs/tags/v1",
        ])
        try #require(all.count == 5)
        #expect(all[2].id.hex == Self.tag)  // loose wins over packed
        #expect(all[3].id.hex == Self.tag)  // symref resolved
        let tags = try refs.entries(prefix: [UInt8]("refs/tags/"))
        #expect(tags.count == 1)
        #expect(tags.first?.peeled?.hex == Self.commit)
        #expect(try refs.all(prefix: [UInt8]("refs/heads/f")).map(\.id.hex) == [Self.commit])
    }

    @Test(arguments: HashAlgorithm.allCases)
    func compareAndSwap(algorithm: HashAlgorithm) throws {
        let dir = try Scratch("pfad-refs")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: algorithm)
        let name = [UInt8]("refs/heads/olpe")
        let a = fakeID(1, algorithm), b = fakeID(2, algorithm), c = fakeID(3, algorithm)
        #expect(try refs.update(name, to: a, expected: .absent, reflog: nil) == nil)
        #expect(dir.read("refs/heads/olpe") == a.hexBytes + [0x0A])
        #expect(throws: StoreError.refChanged(name: name, expected: .absent, actual: a)) {
            try refs.update(name, to: b, expected: .absent, reflog: nil)
        }
        #expect(try refs.update(name, to: b, expected: .value(a), reflog: nil) == a)
        do {
            try refs.update(name, to: c, expected: .value(a), reflog: nil)
            Issue.record("stale expectation must fail")
        } catch let error as StoreError {
            // Wording of `git update-ref refs/heads/olpe <c> <a>` in git 2.39.
            #expect(error.description == "cannot lock ref 'refs/heads/olpe': is at \(b.hex) but expected \(a.hex)")
        }
        #expect(try refs.resolve(name) == b)
        #expect(!dir.exists("refs/heads/olpe.lock"))
        #expect(throws: StoreError.invalidRefName([UInt8]("refs/heads/a..b"))) {
            try refs.update([UInt8]("refs/heads/a..b"), to: a, expected: .any, reflog: nil)
        }
    }

    @Test func heldLockFailsTheUpdate() throws {
        let (dir, refs) = try gitRepository()
        defer { dir.remove() }
        try dir.write("refs/heads/main.lock", [])
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/refs/heads/main.lock")) {
            try refs.update([UInt8]("refs/heads/main"), to: try id(Self.tag), expected: .any, reflog: nil)
        }
    }

    @Test func concurrentUpdatesHaveOneWinnerPerRound() async throws {
        let dir = try Scratch("pfad-refs")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        let name = [UInt8]("refs/heads/soest")
        var current = fakeID(0, .sha1)
        try refs.update(name, to: current, expected: .absent, reflog: nil)
        for round in 1...15 {
            let expected = current
            let winners = await withTaskGroup(of: ObjectID?.self) { group in
                for worker in 0..<4 {
                    let candidate = fakeID(round * 10 + worker, .sha1)
                    group.addTask {
                        (try? refs.update(name, to: candidate, expected: .value(expected), reflog: nil)) != nil ? candidate : nil
                    }
                }
                var won: [ObjectID] = []
                for await result in group { if let result { won.append(result) } }
                return won
            }
            #expect(winners.count <= 1, "round \(round)")
            let value = try refs.resolve(name)  // the file is always whole and parseable
            if let winner = winners.first {
                #expect(value == winner)
                current = winner
            } else {
                #expect(value == expected)  // all lost to lock contention: nothing changed
            }
        }
        #expect(dir.list("refs/heads") == ["soest"])
    }

    @Test func deletesFromLooseAndPacked() throws {
        let (dir, refs) = try gitRepository()
        defer { dir.remove() }
        let feature = [UInt8]("refs/heads/feature")
        try dir.write("refs/heads/feature", [UInt8](Self.commit + "\n"))
        try dir.write("logs/refs/heads/feature", [UInt8]("x\n"))
        #expect(throws: StoreError.self) { try refs.delete(feature, expected: .value(try id(Self.tag))) }
        try refs.delete(feature, expected: .value(try id(Self.commit)))
        #expect(try refs.read(feature) == nil)
        #expect(!dir.exists("refs/heads/feature"))
        #expect(!dir.exists("logs/refs/heads/feature"))
        #expect(!dir.exists("packed-refs.lock"))
        // git's file minus the feature line, header and peeled line kept.
        let expected = [UInt8](
            """
            # pack-refs with: peeled fully-peeled sorted 
            d35f457bdf464a54e7097e3e8ab20dc1e2e22251 refs/heads/main
            426e5f9b5e72fb2437ef724083cd7fe67c020586 refs/tags/v1
            ^d35f457bdf464a54e7097e3e8ab20dc1e2e22251

            """)
        #expect(dir.read("packed-refs") == expected)
        try refs.delete([UInt8]("refs/heads/none"), expected: .any)  // absent: nothing to do
        #expect(throws: StoreError.self) { try refs.delete([UInt8]("refs/heads/none"), expected: .value(try id(Self.tag))) }
    }

    @Test func directoryFileConflicts() throws {
        let (dir, refs) = try gitRepository()
        defer { dir.remove() }
        let value = try id(Self.tag)
        do {
            try refs.update([UInt8]("refs/heads/main/sub"), to: value, expected: .any, reflog: nil)
            Issue.record("expected a conflict")
        } catch let error as StoreError {
            #expect(error == .refNameConflict(name: [UInt8]("refs/heads/main/sub"), existing: [UInt8]("refs/heads/main")))
        }
        try refs.update([UInt8]("refs/heads/menden/altstadt"), to: value, expected: .absent, reflog: nil)
        #expect(throws: StoreError.refNameConflict(name: [UInt8]("refs/heads/menden"), existing: [UInt8]("refs/heads/menden/altstadt"))) {
            try refs.update([UInt8]("refs/heads/menden"), to: value, expected: .absent, reflog: nil)
        }
        try refs.delete([UInt8]("refs/heads/menden/altstadt"), expected: .any)
        try refs.update([UInt8]("refs/heads/menden"), to: value, expected: .absent, reflog: nil)
        #expect(try refs.resolve([UInt8]("refs/heads/menden")) == value)
    }

    @Test func symbolicRefsAndUnbornBranches() throws {
        let dir = try Scratch("pfad-refs")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha256)
        try refs.setSymbolic([UInt8]("HEAD"), target: [UInt8]("refs/heads/main"), reflog: nil)
        #expect(dir.read("HEAD") == [UInt8]("ref: refs/heads/main\n"))
        let unborn = try refs.resolveSymbolicChain([UInt8]("HEAD"))
        #expect(unborn.chain == [[UInt8]("HEAD"), [UInt8]("refs/heads/main")])
        #expect(unborn.id == nil)
        let first = fakeID(5, .sha256)
        let written = try refs.updateFollowingSymrefs([UInt8]("HEAD"), to: first, expected: .absent, reflog: nil)
        #expect(written == [UInt8]("refs/heads/main"))
        #expect(try refs.resolve([UInt8]("HEAD")) == first)
        #expect(try refs.read([UInt8]("HEAD")) == .symbolic([UInt8]("refs/heads/main")))
        try dir.write("refs/heads/a", [UInt8]("ref: refs/heads/b\n"))
        try dir.write("refs/heads/b", [UInt8]("ref: refs/heads/a\n"))
        #expect(throws: StoreError.symrefLoop(name: [UInt8]("refs/heads/a"))) { _ = try refs.resolve([UInt8]("refs/heads/a")) }
    }

    @Test func symrefDepthLimitIsFive() throws {
        let dir = try Scratch("pfad-refs")
        defer { dir.remove() }
        let refs = RefStore(gitDirectory: dir.path, algorithm: .sha1)
        try dir.write("refs/heads/r0", [UInt8](Self.commit + "\n"))
        for level in 1...6 { try dir.write("refs/heads/r\(level)", [UInt8]("ref: refs/heads/r\(level - 1)\n")) }
        #expect(try refs.resolve([UInt8]("refs/heads/r5"))?.hex == Self.commit)  // five hops
        #expect(throws: StoreError.self) { _ = try refs.resolve([UInt8]("refs/heads/r6")) }  // six hops
    }
}
