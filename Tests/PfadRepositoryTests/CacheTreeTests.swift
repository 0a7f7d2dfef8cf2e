import Testing
import PfadObjects
@testable import PfadRepository

@Suite struct CacheTreeTests {
    @Test func parsesAndWritesGitsLayout() throws {
        // Layout from gitformat-index.txt: "<path>\0<entries> <subtrees>\n<id>", pre-order.
        let rootID = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        let subID = try #require(ObjectID(hex: "89abcdef0123456789abcdef0123456789abcdef"))
        var bytes: [UInt8] = Array("\u{0}3 2\n".utf8) + rootID.bytes
        bytes += Array("docs\u{0}2 0\n".utf8) + subID.bytes
        bytes += Array("alt\u{0}-1 0\n".utf8)
        let tree = try #require(CacheTree.parse(bytes, algorithm: .sha1))
        #expect(tree.entryCount == 3)
        #expect(tree.id == rootID)
        #expect(tree.children.count == 2)
        #expect(tree.child(named: Array("docs".utf8)[...])?.id == subID)
        #expect(tree.child(named: Array("alt".utf8)[...])?.id == nil)
        #expect(tree.serialized() == bytes)
    }

    @Test func malformedDataIsIgnoredNotTrusted() {
        #expect(CacheTree.parse(Array("\u{0}3 1\n".utf8), algorithm: .sha1) == nil)
        #expect(CacheTree.parse(Array("\u{0}x 0\n".utf8), algorithm: .sha1) == nil)
        #expect(CacheTree.parse([0x41, 0x42], algorithm: .sha1) == nil)
    }

    @Test func commitRecordsTheTreesItWrote() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.md", "a\n")
        try t.write("docs/b.md", "b\n")
        try t.write("docs/tief/c.md", "c\n")
        try t.addAll()
        let commit = try t.commit("Stand")
        let repo = try t.reopened()
        let index = try IndexFile.read(path: repo.indexPath, algorithm: repo.algorithm)
        let cache = try #require(index.cacheTree(algorithm: repo.algorithm))
        let headTree = try repo.readCommit(commit).tree
        #expect(cache.id == headTree)
        #expect(cache.entryCount == 3)
        let docs = try #require(cache.child(named: Array("docs".utf8)[...]))
        #expect(docs.entryCount == 2)
        #expect(docs.id == (try repo.entry(at: Array("docs".utf8), inTree: headTree))?.id)
    }
}
