import Testing
@testable import PfadCommands

@Suite struct PathQuotingTests {
    private func q(_ s: String, quotePath: Bool = true) -> String {
        String(decoding: PathQuoting.quote(Array(s.utf8), quotePath: quotePath), as: UTF8.self)
    }

    @Test func plainPathsStayAsTheyAre() {
        #expect(q("Leitfaden/01 Start.md") == "Leitfaden/01 Start.md")
    }

    @Test func umlautsAreOctalEscapedLikeGit() {
        // As printed by `git ls-files` with core.quotePath=true (git 2.39).
        #expect(q("Leitfäden/Über uns.md") == "\"Leitf\\303\\244den/\\303\\234ber uns.md\"")
        #expect(q("Straße") == "\"Stra\\303\\237e\"")
        #expect(q("Straße", quotePath: false) == "Straße")
    }

    @Test func controlCharactersQuotesAndBackslashes() {
        #expect(q("a\tb") == "\"a\\tb\"")
        #expect(q("a\nb") == "\"a\\nb\"")
        #expect(q("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(q("back\\slash") == "\"back\\\\slash\"")
        #expect(q("bell\u{07}") == "\"bell\\a\"")
        #expect(q("esc\u{1B}") == "\"esc\\033\"")
    }

    @Test func relativePaths() {
        func r(_ path: String, _ prefix: String) -> String {
            String(decoding: PathQuoting.relative(Array(path.utf8), to: Array(prefix.utf8)), as: UTF8.self)
        }
        #expect(r("a/b/c.md", "") == "a/b/c.md")
        #expect(r("a/b/c.md", "a/") == "b/c.md")
        #expect(r("a/x.md", "a/b/") == "../x.md")
        #expect(r("top.md", "a/b/") == "../../top.md")
    }
}
