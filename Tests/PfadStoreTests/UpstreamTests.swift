import Testing
@testable import PfadStore

@Suite struct UpstreamTests {
    private func config(_ text: String) throws -> Config {
        try Config.parse(Array(text.utf8), origin: "test")
    }

    @Test func recordWritesGitsTwoKeys() throws {
        var config = try config("[core]\n\tbare = false\n")
        try Upstream.record(Upstream(remote: "origin", merge: Array("refs/heads/main".utf8)), forBranch: "main", in: &config)
        #expect(String(decoding: config.serialized(), as: UTF8.self)
            == "[core]\n\tbare = false\n[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\n")
    }

    @Test func forgetAllRemovesOnlyBranchesOfThatRemoteAndEmptySections() throws {
        var config = try config("""
            [branch "main"]
            \tremote = origin
            \tmerge = refs/heads/main
            [branch "olpe"]
            \tremote = olpe
            \tmerge = refs/heads/olpe
            [branch "soest"]
            \tremote = origin
            \tmerge = refs/heads/soest
            \tdescription = Leitfaden Soest

            """)
        try Upstream.forgetAll(trackingRemote: "origin", in: &config)
        #expect(String(decoding: config.serialized(), as: UTF8.self) == """
            [branch "olpe"]
            \tremote = olpe
            \tmerge = refs/heads/olpe
            [branch "soest"]
            \tdescription = Leitfaden Soest

            """)
    }
}
