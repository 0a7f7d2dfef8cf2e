import Testing
@testable import PfadStore

@Suite struct ConfigFileTests {
    @Test func absentFileIsEmptyAndSaveGoesThroughLock() throws {
        let dir = try Scratch("pfad-config")
        defer { dir.remove() }
        var config = try ConfigFile.load(path: dir.path + "/config")
        #expect(config.entries.isEmpty)
        try config.set("user.name", "Jörg Müller")
        try ConfigFile.save(config, to: dir.path + "/config")
        #expect(dir.read("config") == [UInt8]("[user]\n\tname = Jörg Müller\n"))
        #expect(!dir.exists("config.lock"))
        #expect(try ConfigFile.load(path: dir.path + "/config").get("user.name") == "Jörg Müller")
    }

    @Test func heldLockRefusesToSave() throws {
        let dir = try Scratch("pfad-config")
        defer { dir.remove() }
        try dir.write("config.lock", [])
        #expect(throws: StoreError.lockHeld(lockPath: dir.path + "/config.lock")) {
            try ConfigFile.save(Config(origin: "x"), to: dir.path + "/config")
        }
    }
}
