import Testing
import PfadObjects
import PfadStore
@testable import PfadRepository

@Suite struct RevisionParserTests {
    /// A full hexadecimal id names its object even when a branch has that
    /// name (git 2.39: `git rev-parse <40-hex>` prints the id and only warns
    /// "refname … is ambiguous").
    @Test func fullIdWinsOverARefOfTheSameName() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.md", "eins\n")
        try t.addAll()
        let commit = try t.commit("Erste Fassung")
        let blob = HashAlgorithm.sha1.objectID(type: .blob, content: Array("eins\n".utf8))
        _ = try t.repository.refs.update(Array("refs/heads/\(blob.hex)".utf8), to: commit, expected: .absent, reflog: nil)
        let parser = RevisionParser(try t.reopened())
        #expect(try parser.resolve(blob.hex) == blob)
        #expect(try parser.resolve("refs/heads/\(blob.hex)") == commit)
    }

    @Test func ancestryPeelingAndPaths() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("Leitfäden/Über uns.md", "eins\n")
        try t.addAll()
        let first = try t.commit("Erste Fassung")
        try t.write("Leitfäden/Über uns.md", "zwei\n")
        try t.addAll()
        let second = try t.commit("Zweite Fassung")
        let parser = RevisionParser(try t.reopened())
        #expect(try parser.resolve("HEAD") == second)
        #expect(try parser.resolve("@") == second)
        #expect(try parser.resolve("main") == second)
        #expect(try parser.resolve("refs/heads/main") == second)
        #expect(try parser.resolve("HEAD~1") == first)
        #expect(try parser.resolve("HEAD^") == first)
        #expect(try parser.resolve("HEAD^1") == first)
        #expect(try parser.resolve("HEAD~2") == nil)
        #expect(try parser.resolve("HEAD^2") == nil)
        #expect(try parser.resolve("HEAD^0") == second)
        #expect(try parser.resolve(second.hex) == second)
        #expect(try parser.resolve(String(second.hex.prefix(7))) == second)
        let commit = try t.repository.readCommit(second)
        #expect(try parser.resolve("HEAD^{tree}") == commit.tree)
        #expect(try parser.resolve("HEAD^{commit}") == second)
        #expect(try parser.resolve("HEAD^{blob}") == nil)
        // The blob id of "eins\n" as git computes it (`git hash-object`): 0c8a0f3…
        let eins = HashAlgorithm.sha1.objectID(type: .blob, content: Array("eins\n".utf8))
        #expect(try parser.resolve("HEAD~1:Leitfäden/Über uns.md") == eins)
        #expect(try parser.resolve("HEAD:gibt-es-nicht") == nil)
        #expect(try parser.resolve(":Leitfäden/Über uns.md") == HashAlgorithm.sha1.objectID(type: .blob, content: Array("zwei\n".utf8)))
        #expect(try parser.resolve("nirgends") == nil)
        #expect(try parser.resolve("") == nil)
    }

    @Test func annotatedTagsPeel() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.md", "a\n")
        try t.addAll()
        let commit = try t.commit("a")
        let repo = try t.reopened()
        let tagger = Signature(name: Array("Agentur".utf8), email: Array("agentur@example".utf8), time: 1_700_000_000, offset: Array("+0100".utf8))
        let tag = Tag(object: commit, type: .commit, name: Array("v2021.1".utf8), tagger: tagger, extraHeaders: [], message: Array("Leitfäden 2021.1\n".utf8))
        let tagID = try repo.objects.write(type: .tag, content: tag.serialized())
        try repo.refs.update(Array("refs/tags/v2021.1".utf8), to: tagID, expected: .absent, reflog: nil)
        let parser = RevisionParser(repo)
        #expect(try parser.resolve("v2021.1") == tagID)
        #expect(try parser.resolve("v2021.1^{}") == commit)
        #expect(try parser.resolve("v2021.1^{commit}") == commit)
        #expect(try parser.resolve("v2021.1~0") == commit)
        #expect(try parser.resolve("v2021.1^{tag}") == tagID)
        #expect(try parser.resolve("refs/tags/v2021.1") == tagID)
    }

    @Test func unbornHeadResolvesToNothing() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let parser = RevisionParser(t.repository)
        #expect(try parser.resolve("HEAD") == nil)
        #expect(try parser.expandRefName("HEAD") == Array("HEAD".utf8))
    }
}
