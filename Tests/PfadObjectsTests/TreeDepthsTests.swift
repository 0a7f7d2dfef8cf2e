import Testing
@testable import PfadObjects

@Suite struct TreeDepthsTests {
    static func id(_ n: Int) -> ObjectID {
        HashAlgorithm.sha1.objectID(type: .tree, content: Array("tree \(n)".utf8))
    }

    @Test func countsNestedTreesLikeCoreMaxTreeDepth() {
        // a/b/cde/f: the root tree holds a, a holds b, b holds cde → depth 4.
        let (root, a, b, cde) = (Self.id(0), Self.id(1), Self.id(2), Self.id(3))
        let subtrees: [ObjectID: [ObjectID]] = [root: [a], a: [b], b: [cde], cde: []]
        var depths = TreeDepths()
        #expect(depths.depth(of: root) { subtrees[$0] } == 4)
        #expect(depths.depth(of: b) { subtrees[$0] } == 2)
        // An unreadable subtree counts as nothing.
        var other = TreeDepths()
        #expect(other.depth(of: root) { $0 == root ? [a] : nil } == 1)
    }

    @Test func deepChainsDoNotOverflowTheStack() {
        let levels = 200_000
        let chain = (0...levels).map(Self.id)
        var index: [ObjectID: Int] = [:]
        for (n, id) in chain.enumerated() { index[id] = n }
        var fresh = TreeDepths()
        let full = fresh.depth(of: chain[0]) { id in
            guard let n = index[id] else { return nil }
            return n < levels ? [chain[n + 1]] : []
        }
        #expect(full == levels + 1)
    }

    @Test func sharedSubtreesAreExpandedOnce() {
        // A diamond: root holds a and b, both hold c.
        let (root, a, b, c) = (Self.id(0), Self.id(1), Self.id(2), Self.id(3))
        let subtrees: [ObjectID: [ObjectID]] = [root: [a, b], a: [c], b: [c], c: []]
        var calls: [ObjectID: Int] = [:]
        var depths = TreeDepths()
        let depth = depths.depth(of: root) { id in
            calls[id, default: 0] += 1
            return subtrees[id]
        }
        #expect(depth == 3)
        #expect(calls.values.allSatisfy { $0 == 1 })
    }
}
