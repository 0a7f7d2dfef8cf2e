import Testing
@testable import PfadStore

@Suite struct LockFileTests {
    @Test func commitRenamesLockOverTarget() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let path = dir.path + "/config"
        let lock = try LockFile.acquire(for: path)
        #expect(dir.exists("config.lock"))
        try lock.write([UInt8]("[core]\n"))
        try lock.write([UInt8]("\tbare = false\n"))
        try lock.commit()
        #expect(dir.read("config") == [UInt8]("[core]\n\tbare = false\n"))
        #expect(!dir.exists("config.lock"))
    }

    @Test func secondAcquireFailsWithGitsMessage() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let path = dir.path + "/x"
        let held = try LockFile.acquire(for: path)
        do {
            let second = try LockFile.acquire(for: path)
            second.rollback()
            Issue.record("second lock must fail")
        } catch let error as StoreError {
            // Message text as printed by git 2.39 (after "fatal: ") when index.lock exists.
            #expect(error.description == "Unable to create '\(path).lock': File exists.")
            // What to do, printed as a `hint:` line after git's message.
            #expect(error.hint == "If no other pfad or git process is running in this repository, one crashed earlier: remove the file manually to continue.")
        }
        held.rollback()
        #expect(!dir.exists("x.lock"))
        #expect(!dir.exists("x"))
    }

    @Test func abandonedLockIsRemovedOnDeinit() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        do {
            let lock = try LockFile.acquire(for: dir.path + "/y")
            try lock.write([1, 2, 3])
        }
        #expect(!dir.exists("y.lock"))
        #expect(!dir.exists("y"))
        let again = try LockFile.acquire(for: dir.path + "/y")
        again.rollback()
    }

    @Test func createsParentDirectoriesOnRequest() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let lock = try LockFile.acquire(for: dir.path + "/refs/heads/feature/x", createDirectories: true)
        try lock.write([UInt8]("1\n"))
        try lock.commit()
        #expect(dir.read("refs/heads/feature/x") == [UInt8]("1\n"))
    }
}
