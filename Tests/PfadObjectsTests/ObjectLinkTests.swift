import Testing
@testable import PfadObjects

@Suite struct ObjectLinkTests {
    static let algorithm = HashAlgorithm.sha1
    static func id(_ text: String) -> ObjectID { algorithm.objectID(type: .blob, content: Array(text.utf8)) }

    @Test func commitLinksToATreeAndParentCommits() throws {
        let (tree, parent) = (Self.id("t"), Self.id("p"))
        let text = "tree \(tree.hex)\nparent \(parent.hex)\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\nm\n"
        #expect(try ObjectLink.links(type: .commit, content: Array(text.utf8), algorithm: Self.algorithm) == [
            ObjectLink(target: tree, expectedType: .tree, kind: .tree),
            ObjectLink(target: parent, expectedType: .commit, kind: .parent),
        ])
    }

    @Test func tagLinksToTheTypeItsHeaderNames() throws {
        let target = Self.id("x")
        let text = "object \(target.hex)\ntype tree\ntag v1\ntagger A <a@b> 1 +0000\n\nm\n"
        #expect(try ObjectLink.links(type: .tag, content: Array(text.utf8), algorithm: Self.algorithm) == [
            ObjectLink(target: target, expectedType: .tree, kind: .tagged)
        ])
    }

    @Test func treeEntriesLinkByModeAndSubmodulesAreSkipped() throws {
        let (a, b, c, d) = (Self.id("a"), Self.id("b"), Self.id("c"), Self.id("d"))
        var content: [UInt8] = []
        for (mode, name, id) in [("100644", "a", a), ("120000", "b", b), ("160000", "c", c), ("40000", "d", d)] {
            content += Array("\(mode) \(name)".utf8) + [0] + id.bytes
        }
        let links = try ObjectLink.links(type: .tree, content: content, algorithm: Self.algorithm)
        #expect(links.map(\.target) == [a, b, d])
        #expect(links.map(\.expectedType) == [.blob, .blob, .tree])
        #expect(links.map(\.isSubtree) == [false, false, true])
        #expect(links[1].kind == .entry(name: Array("b".utf8), mode: .symlink))
        #expect(try ObjectLink.links(type: .blob, content: Array("tree x".utf8), algorithm: Self.algorithm).isEmpty)
    }
}
