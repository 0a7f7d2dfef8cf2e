import Foundation
import PfadObjects
import Testing
@testable import PfadRepository

/// Branch and tag operations through the API. Reflog texts are git 2.39's
/// (observed: "branch: Created from HEAD", "Branch: renamed refs/heads/z to
/// refs/heads/w", "checkout: moving from main to x", "reset: moving to HEAD~1").
@Suite struct BranchOperationTests {
    private func setUp() throws -> (TestRepository, ObjectID, ObjectID) {
        let t = try TestRepository()
        try t.write("a.txt", "eins\n")
        try t.addAll()
        let first = try t.commit("first")
        try t.write("a.txt", "zwei\n")
        try t.addAll()
        let second = try t.commit("second")
        return (t, first, second)
    }

    private func lastReflogMessage(_ t: TestRepository, _ ref: String) throws -> String? {
        try t.repository.refs.readReflog(Array(ref.utf8)).last.map { String(decoding: $0.message, as: UTF8.self) }
    }

    @Test func createDeleteRenameWithReflogs() throws {
        let (t, first, second) = try setUp()
        defer { t.remove() }
        let branches = BranchOperation(t.repository)
        try branches.create("alt", at: first, startName: "HEAD~1")
        #expect(try lastReflogMessage(t, "refs/heads/alt") == "branch: Created from HEAD~1")
        #expect(throws: RepositoryError.self) { try branches.create("alt", at: second, startName: "HEAD") }
        #expect(throws: RepositoryError.self) { try branches.create("bad..name", at: second, startName: "HEAD") }
        #expect(try branches.list().map { String(decoding: $0.name, as: UTF8.self) } == ["alt", "main"])

        try branches.rename("alt", to: "neu")
        #expect(try t.repository.refs.resolve(Array("refs/heads/alt".utf8)) == nil)
        #expect(try t.repository.refs.resolve(Array("refs/heads/neu".utf8)) == first)
        #expect(try lastReflogMessage(t, "refs/heads/neu") == "Branch: renamed refs/heads/alt to refs/heads/neu")
        #expect(try t.repository.refs.readReflog(Array("refs/heads/neu".utf8)).count == 2)

        // Merged into HEAD (an ancestor): -d works.
        #expect(try branches.delete("neu", force: false) == .deleted(first))
        #expect(try branches.delete("neu", force: false) == .notFound)
        #expect(try branches.delete("main", force: true) == .checkedOut)
        _ = second
    }

    @Test func unmergedBranchNeedsForce() throws {
        let (t, first, second) = try setUp()
        defer { t.remove() }
        try SwitchOperation(t.repository).run(to: first, target: .newBranch("seite", startName: "HEAD~1"), name: "seite")
        #expect(try HeadInfo.read(t.repository).branch == Array("seite".utf8))
        #expect(try lastReflogMessage(t, "HEAD") == "checkout: moving from main to seite")
        try t.write("b.txt", "seite\n")
        try t.addAll()
        let side = try t.commit("side")
        try SwitchOperation(t.repository).run(to: second, target: .branch(Array("refs/heads/main".utf8)), name: "main")
        #expect(!FileManager.default.fileExists(atPath: t.root + "/b.txt"))
        #expect(try MergeBase(cache: CommitCache(t.repository)).isAncestor(first, of: side))
        #expect(try !MergeBase(cache: CommitCache(t.repository)).isAncestor(side, of: second))
        #expect(try BranchOperation(t.repository).delete("seite", force: false) == .notMerged)
        #expect(try BranchOperation(t.repository).delete("seite", force: true) == .deleted(side))
    }

    @Test func resetMovesHeadAndKeepsOrigHead() throws {
        let (t, first, second) = try setUp()
        defer { t.remove() }
        let unstaged = try ResetOperation(t.repository).run(to: first, mode: .mixed, revision: "HEAD~1")
        #expect(unstaged.map { String(decoding: $0.path, as: UTF8.self) } == ["a.txt"])
        #expect(try HeadInfo.read(t.repository).commit == first)
        #expect(try t.repository.refs.resolve(Array("ORIG_HEAD".utf8)) == second)
        #expect(try lastReflogMessage(t, "HEAD") == "reset: moving to HEAD~1")
        #expect(try lastReflogMessage(t, "refs/heads/main") == "reset: moving to HEAD~1")
        _ = try ResetOperation(t.repository).run(to: second, mode: .hard, revision: "ORIG_HEAD")
        #expect(FileManager.default.contents(atPath: t.root + "/a.txt") == Data("zwei\n".utf8))
        #expect(try StatusOperation(t.repository).run().changes.isEmpty)
    }

    /// The tag object layout of git-tag.txt / gitformat (object, type, tag,
    /// tagger, blank line, message cleaned in strip mode). Expected bytes
    /// written as `git tag -a t1 -m "# c\n  hello  \n\nx"` produced them.
    @Test func annotatedTagObject() throws {
        let (t, _, second) = try setUp()
        defer { t.remove() }
        let env = ["GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@x", "GIT_COMMITTER_DATE": "1700000000 +0000"]
        let id = try TagOperation(t.repository).create("t1", target: second, message: "# c\n  hello  \n\nx", environment: env)
        let object = try t.repository.readObject(id)
        let expected = "object \(second.hex)\ntype commit\ntag t1\ntagger A <a@x> 1700000000 +0000\n\n  hello\n\nx\n"
        #expect(object.type == .tag)
        #expect(String(decoding: object.content, as: UTF8.self) == expected)
        #expect(try TagOperation(t.repository).list() == [Array("t1".utf8)])
        #expect(throws: RepositoryError.self) { try TagOperation(t.repository).create("t1", target: second, message: nil) }
        #expect(try TagOperation(t.repository).delete("t1") == id)
        #expect(try TagOperation(t.repository).delete("t1") == nil)
    }
}
