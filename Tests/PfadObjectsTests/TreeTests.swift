import Testing
@testable import PfadObjects

@Suite struct TreeTests {
    @Test func parsesAndRoundTripsGitsTree() throws {
        let sample = GitSamples.tree1
        let tree = try Tree.parse(sample.bytes, algorithm: .sha1)
        // Expected listing from `git cat-file -p HEAD^{tree}` run by hand.
        #expect(tree.entries.map { text($0.name) } == ["a.b", "a", "a0", "link", "run.sh"])
        #expect(tree.entries.map(\.mode) == [.regular, .directory, .regular, .symlink, .executable])
        #expect(tree.entries[1].id.hex == "a1dffc7a64c0b2d395484bf452e9aeb1da3a18f2")
        #expect(tree.entries[0].id.hex == "975fbec8256d3e8a3797e7a3611380f27c49f4ac")
        #expect(tree.serialized() == sample.bytes)
        #expect(HashAlgorithm.sha1.objectID(type: .tree, content: tree.serialized()).hex == sample.id)
    }

    @Test func sha256TreeRoundTrips() throws {
        let sample = GitSamples.tree256
        let tree = try Tree.parse(sample.bytes, algorithm: .sha256)
        #expect(tree.entries.map { text($0.name) } == ["a.b", "a", "a0"])
        #expect(tree.entries.allSatisfy { $0.id.bytes.count == 32 })
        #expect(tree.serialized() == sample.bytes)
        #expect(HashAlgorithm.sha256.objectID(type: .tree, content: tree.serialized()).hex == sample.id)
    }

    @Test func sortsInGitOrder() throws {
        let id = try #require(ObjectID(hex: "587be6b4c3f93f93c489c0111bba5596147a26cb"))
        let shuffled = [
            TreeEntry(mode: .regular, name: bytes("a0"), id: id),
            TreeEntry(mode: .executable, name: bytes("run.sh"), id: id),
            TreeEntry(mode: .directory, name: bytes("a"), id: id),
            TreeEntry(mode: .symlink, name: bytes("link"), id: id),
            TreeEntry(mode: .regular, name: bytes("a.b"), id: id),
        ]
        // Order git wrote in GitSamples.tree1: the directory "a" sorts as "a/".
        #expect(Tree.sorted(shuffled).map { text($0.name) } == ["a.b", "a", "a0", "link", "run.sh"])
        // A file "a" sorts before "a.b" (plain byte order, "a" is a prefix).
        let files = [
            TreeEntry(mode: .regular, name: bytes("a0"), id: id),
            TreeEntry(mode: .regular, name: bytes("a.b"), id: id),
            TreeEntry(mode: .regular, name: bytes("a"), id: id),
        ]
        #expect(Tree.sorting(files).map { text($0.name) } == ["a", "a.b", "a0"])
        #expect(text(Tree.sortKey(name: bytes("a"), isDirectory: true)) == "a/")
    }

    @Test func keepsZeroPaddedModesExactly() throws {
        let id = [UInt8](repeating: 0x11, count: 20)
        let content = bytes("040000 d\0") + id + bytes("100644 f\0") + id
        let tree = try Tree.parse(content, algorithm: .sha1)
        #expect(tree.entries[0].mode == .directory)
        #expect(tree.entries[0].writtenMode == bytes("040000"))
        #expect(tree.entries[1].writtenMode == nil)
        #expect(tree.serialized() == content)
    }

    @Test func emptyTreeIsEmpty() throws {
        let tree = try Tree.parse([], algorithm: .sha1)
        #expect(tree.entries.isEmpty)
        // Well-known empty tree id, `git hash-object -t tree /dev/null`.
        #expect(HashAlgorithm.sha1.objectID(type: .tree, content: tree.serialized()).hex
            == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }

    @Test(arguments: [
        ("100644 a\0abc", 0),
        ("100644a\0", 0),
        ("1006a4 a\0" + String(repeating: "x", count: 20), 0),
        ("100644 \0" + String(repeating: "x", count: 20), 0),
    ])
    func rejectsBrokenEntries(content: String, offset: Int) {
        #expect(throws: ObjectError.self) { try Tree.parse(bytes(content), algorithm: .sha1) }
        do {
            _ = try Tree.parse(bytes(content), algorithm: .sha1)
        } catch let ObjectError.malformed(type, at, _) {
            #expect(type == .tree)
            #expect(at == offset)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func sha1TreeIsTooShortForSha256() {
        #expect(throws: ObjectError.self) { try Tree.parse(GitSamples.tree1.bytes, algorithm: .sha256) }
    }
}
