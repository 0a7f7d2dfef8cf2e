import Foundation
import PfadObjects
import Testing
@testable import PfadStore

@Suite struct RefStorePackingTests {
    static let commit = "d35f457bdf464a54e7097e3e8ab20dc1e2e22251"
    static let tag = "426e5f9b5e72fb2437ef724083cd7fe67c020586"
    static let header = [UInt8]("# pack-refs with: peeled fully-peeled sorted ")

    func id(_ hex: String) throws -> ObjectID { try #require(ObjectID(hex: hex)) }

    func text(_ name: String) -> [UInt8] { [UInt8](name) }

    func repository() throws -> (Scratch, RefStore) {
        let dir = try Scratch("pfad-packing")
        try dir.write("HEAD", [UInt8]("ref: refs/heads/x\n"))
        return (dir, RefStore(gitDirectory: dir.path, algorithm: .sha1))
    }

    @Test func packsLooseRefsWithPeeledLines() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("refs/heads/x", [UInt8](Self.commit + "\n"))
        try dir.write("refs/tags/deep/v1", [UInt8](Self.tag + "\n"))
        try dir.write("refs/remotes/origin/HEAD", [UInt8]("ref: refs/remotes/origin/x\n"))
        try dir.write("packed-refs", [UInt8]("\(Self.commit) refs/heads/old\n"))
        let tagID = try id(Self.tag), commitID = try id(Self.commit)
        let count = try refs.packLooseRefs(header: Self.header) { $0 == tagID ? commitID : nil }
        #expect(count == 2)
        // The layout git 2.39's `git pack-refs --all` writes for these refs.
        #expect(dir.read("packed-refs") == [UInt8](
            """
            # pack-refs with: peeled fully-peeled sorted 
            \(Self.commit) refs/heads/old
            \(Self.commit) refs/heads/x
            \(Self.tag) refs/tags/deep/v1
            ^\(Self.commit)

            """))
        #expect(!dir.exists("refs/heads/x"))
        #expect(!dir.exists("refs/tags/deep"))
        #expect(dir.exists("refs/tags"))
        #expect(dir.read("refs/remotes/origin/HEAD") == [UInt8]("ref: refs/remotes/origin/x\n"))  // symrefs stay loose
        #expect(!dir.exists("packed-refs.lock"))
    }

    /// The race the old packing lost: it read the loose refs, then wrote
    /// `packed-refs` without their locks, so a ref deleted in between came
    /// back from `packed-refs`, and one updated in between could be reverted.
    /// `peel` runs at exactly that point; every writer there must either fail
    /// on a lock or see its change survive.
    @Test func refsChangedWhilePackingAreNeverResurrectedOrReverted() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let commitID = try id(Self.commit), tagID = try id(Self.tag)
        try dir.write("refs/heads/x", [UInt8](Self.commit + "\n"))
        try dir.write("refs/heads/y", [UInt8](Self.commit + "\n"))
        try dir.write("packed-refs", [UInt8]("\(Self.commit) refs/heads/z\n"))
        var deletedX: Result<Void, Error>?
        var updatedY: Result<Void, Error>?
        var deletedZ: Result<Void, Error>?
        try refs.packLooseRefs(header: Self.header) { _ in
            if deletedX == nil {
                deletedX = Result { try refs.delete(text("refs/heads/x"), expected: .any) }
                updatedY = Result { try refs.update(text("refs/heads/y"), to: tagID, expected: .any, reflog: nil) }
                deletedZ = Result { try refs.delete(text("refs/heads/z"), expected: .any) }
            }
            return nil
        }
        // Whatever happened, each ref shows the outcome its writer was told.
        let x = try refs.resolve(text("refs/heads/x"))
        let y = try refs.resolve(text("refs/heads/y"))
        let z = try refs.resolve(text("refs/heads/z"))
        #expect(x == ((try? deletedX?.get()) != nil ? nil : commitID))
        #expect(y == ((try? updatedY?.get()) != nil ? tagID : commitID))
        #expect(z == ((try? deletedZ?.get()) != nil ? nil : commitID))
        // Here the packer held the locks, so the writers failed as git's would.
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/refs/heads/x.lock")) { try deletedX?.get() }
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/refs/heads/y.lock")) { try updatedY?.get() }
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/packed-refs.lock")) { try deletedZ?.get() }
        #expect(!dir.exists("refs/heads/x.lock") && !dir.exists("packed-refs.lock"))
    }

    @Test func aRefLockedByAnotherWriterStaysLooseAndUnpacked() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("refs/heads/w", [UInt8](Self.commit + "\n"))
        try dir.write("refs/heads/w.lock", [UInt8](Self.tag + "\n"))
        try dir.write("refs/heads/x", [UInt8](Self.commit + "\n"))
        #expect(try refs.packLooseRefs(header: nil) { _ in nil } == 1)
        #expect(dir.read("packed-refs") == [UInt8]("\(Self.commit) refs/heads/x\n"))
        #expect(dir.read("refs/heads/w") == [UInt8](Self.commit + "\n"))
        // The other writer finishes by deleting w: it is gone for good.
        try FileManager.default.removeItem(atPath: dir.path + "/refs/heads/w")
        try FileManager.default.removeItem(atPath: dir.path + "/refs/heads/w.lock")
        #expect(try refs.resolve(text("refs/heads/w")) == nil)
    }

    @Test func heldPackedRefsLockFailsAndChangesNothing() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        try dir.write("refs/heads/x", [UInt8](Self.commit + "\n"))
        try dir.write("packed-refs.lock", [])
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/packed-refs.lock")) {
            try refs.packLooseRefs(header: Self.header) { _ in nil }
        }
        #expect(dir.read("refs/heads/x") == [UInt8](Self.commit + "\n"))
        #expect(!dir.exists("refs/heads/x.lock"))
        #expect(!dir.exists("packed-refs"))
    }

    /// Writers create, move and delete their own ref while another thread
    /// packs over and over; at the end every ref holds exactly what its
    /// writer's last successful transaction left.
    @Test func concurrentPackingNeverLosesAWrite() throws {
        let (dir, refs) = try repository()
        defer { dir.remove() }
        let writers = 4, steps = 60
        let values = [try id(Self.commit), try id(Self.tag)]
        let state = SharedState(writers: writers)
        DispatchQueue.concurrentPerform(iterations: writers + 1) { worker in
            if worker == writers {
                while !state.writersDone { _ = try? refs.packLooseRefs(header: Self.header) { _ in nil } }
                return
            }
            let name = text("refs/heads/w\(worker)")
            var current: ObjectID?
            for step in 0..<steps {
                let expected: RefExpectation = current.map { .value($0) } ?? .absent
                var transaction = refs.transaction()
                let next: ObjectID? = step % 3 == 2 ? nil : values[step % 2]
                if let next {
                    transaction.update(name, to: next, expected: expected)
                } else {
                    transaction.delete(name, expected: expected)
                }
                if (try? transaction.commit()) != nil { current = next }
            }
            state.finish(worker, with: current)
        }
        for worker in 0..<writers {
            #expect(try refs.resolve(text("refs/heads/w\(worker)")) == state.final[worker], "writer \(worker)")
        }
        let walker = FileManager.default.enumerator(atPath: dir.path)
        while let path = walker?.nextObject() as? String {
            #expect(!path.hasSuffix(".lock"), "left behind: \(path)")
        }
    }
}

/// What the writer threads report, behind a lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private let writers: Int
    private var values: [ObjectID?]

    init(writers: Int) {
        self.writers = writers
        values = Array(repeating: nil, count: writers)
    }

    func finish(_ worker: Int, with value: ObjectID?) {
        lock.lock()
        values[worker] = value
        finished += 1
        lock.unlock()
    }

    var writersDone: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished == writers
    }

    var final: [ObjectID?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
