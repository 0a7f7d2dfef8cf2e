import Testing
@testable import PfadRepository

@Suite struct PathspecTests {
    private func spec(_ args: [String], prefix: String = "") throws -> Pathspec {
        try Pathspec(arguments: args, prefix: Array(prefix.utf8), workTree: "/arbeit")
    }

    @Test func argumentsAreMadeRelativeToTheRoot() throws {
        #expect(try spec(["a.md"], prefix: "Leitfäden/").patterns == [Array("Leitfäden/a.md".utf8)])
        #expect(try spec(["../b.md"], prefix: "Leitfäden/").patterns == [Array("b.md".utf8)])
        #expect(try spec(["./x/./y/"]).patterns == [Array("x/y".utf8)])
        #expect(try spec(["."], prefix: "sub/").patterns == [Array("sub".utf8)])
        #expect(try spec(["/arbeit/c/d"]).patterns == [Array("c/d".utf8)])
    }

    @Test func pathsOutsideTheWorkTreeAreRefused() {
        #expect(throws: RepositoryError.outsideRepository(path: "../x", workTree: "/arbeit")) { try spec(["../x"]) }
        #expect(throws: RepositoryError.self) { try spec(["/anderswo/x"]) }
        #expect(throws: RepositoryError.self) { try spec(["../../x"], prefix: "a/") }
    }

    @Test func matchingFilesFoldersAndGlobs() throws {
        let s = try spec(["Leitfäden", "*.txt", "docs/a.md"])
        #expect(s.matches(Array("Leitfäden/Über uns.md".utf8)))
        #expect(s.matches(Array("Leitfäden".utf8)))
        #expect(!s.matches(Array("Leitfäden-alt/x.md".utf8)))
        #expect(s.matches(Array("notiz.txt".utf8)))
        #expect(s.matches(Array("tief/unten/notiz.txt".utf8)))  // '*' crosses '/' in pathspecs, as in git
        #expect(s.matches(Array("docs/a.md".utf8)))
        #expect(!s.matches(Array("docs/b.md".utf8)))
        #expect(Pathspec.all.matches(Array("irgendwas".utf8)))
    }
}
