import Testing
@testable import PfadStore

@Suite struct AtomicFileTests {
    @Test func replacesContentAndLeavesNoTemporaries() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let path = dir.path + "/guide.txt"
        try AtomicFile.write([UInt8]("alt\n"), to: path)
        try AtomicFile.write([UInt8]("neu: Bad Berleburg\n"), to: path, mode: 0o600)
        #expect(dir.read("guide.txt") == [UInt8]("neu: Bad Berleburg\n"))
        #expect(dir.list("") == ["guide.txt"])
    }

    @Test func missingDirectoryIsAnIOError() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        #expect(throws: StoreError.self) {
            try AtomicFile.write([1], to: dir.path + "/missing/x")
        }
    }
}
