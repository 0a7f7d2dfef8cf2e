import Foundation
import Testing
import PfadObjects
@testable import PfadRepository

@Suite struct MergeBaseFinderTests {
    private func commit(_ repository: Repository, _ parents: [ObjectID], _ n: Int64) throws -> ObjectID {
        let tree = try TreeBuilder(repository).writeTree(from: [FlatTreeEntry]())
        let who = Signature(name: Array("A".utf8), email: Array("a@x".utf8), time: 1_700_000_000 + n, offset: Array("+0000".utf8))
        let c = Commit(tree: tree, parents: parents, author: who, committer: who, extraHeaders: [], message: Array("c\(n)\n".utf8))
        return try repository.objects.write(type: .commit, content: c.serialized())
    }

    /// Criss-cross: root → a1, b1; a2 = merge(a1, b1); b2 = merge(b1, a1).
    /// `git merge-base --all a2 b2` lists a1 and b1 (both, no root).
    @Test func crissCrossHasTwoBases() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let r = t.repository
        let root = try commit(r, [], 0)
        let a1 = try commit(r, [root], 1)
        let b1 = try commit(r, [root], 2)
        let a2 = try commit(r, [a1, b1], 3)
        let b2 = try commit(r, [b1, a1], 4)
        let finder = MergeBaseFinder(r)
        #expect(Set(try finder.bases(a2, b2)) == [a1, b1])
        #expect(try finder.bases(a1, b1) == [root])
        #expect(try finder.bases(a2, a1) == [a1])
        #expect(try finder.isAncestor(root, of: b2))
        #expect(try !finder.isAncestor(a2, of: b2))
    }
}
