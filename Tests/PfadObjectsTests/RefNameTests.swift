import Testing
@testable import PfadObjects

@Suite struct RefNameTests {
    /// (name, plain, --allow-onelevel, --refspec-pattern): exit status 0 = valid,
    /// taken from running `git check-ref-format [option] <name>` (git 2.39) by hand.
    static let table: [(String, Bool, Bool, Bool)] = [
        ("refs/heads/main", true, true, true),
        ("refs/heads/@", true, true, true),
        ("@", false, false, false),
        ("refs/heads/a@b", true, true, true),
        ("refs/heads/a@{b", false, false, false),
        ("refs/heads/a.", false, false, false),
        ("refs/heads/.a", false, false, false),
        ("refs/heads/a.lock", false, false, false),
        ("refs/heads/a.lock/b", false, false, false),
        ("refs/heads/a..b", false, false, false),
        ("HEAD", false, true, false),
        ("heads/", false, false, false),
        ("refs//x", false, false, false),
        ("/refs/x", false, false, false),
        ("refs/heads/ü", true, true, true),
        ("refs/heads/*", false, false, true),
        ("refs/*/x*", false, false, false),
        ("refs/heads/a b", false, false, false),
        ("refs/heads/a~1", false, false, false),
        ("refs/heads/a^", false, false, false),
        ("refs/heads/a:b", false, false, false),
        ("refs/heads/a?", false, false, false),
        ("refs/heads/a[b", false, false, false),
        ("refs/heads/a\\b", false, false, false),
        ("refs/heads/a\u{7}b", false, false, false),
        ("refs/heads/a\u{7f}b", false, false, false),
        ("refs/heads/arnsberg.lockx", true, true, true),
        ("refs/tags/v1.0", true, true, true),
        ("", false, false, false),
    ]

    @Test func matchesGitCheckRefFormat() {
        for (name, plain, oneLevel, pattern) in Self.table {
            let bytes = Array(name.utf8)
            #expect(RefName.isValid(bytes) == plain, "\(name)")
            #expect(RefName.isValid(bytes, allowOneLevel: true) == oneLevel, "\(name) --allow-onelevel")
            #expect(RefName.isValid(bytes, refspecPattern: true) == pattern, "\(name) --refspec-pattern")
        }
    }

    @Test func storableNames() {
        #expect(RefName.isStorable(Array("HEAD".utf8)))
        #expect(RefName.isStorable(Array("ORIG_HEAD".utf8)))
        #expect(RefName.isStorable(Array("refs/heads/menden".utf8)))
        #expect(!RefName.isStorable(Array("config".utf8)))
        #expect(!RefName.isStorable(Array("main".utf8)))
        #expect(!RefName.isStorable(Array("refs/../config".utf8)))
        #expect(!RefName.isStorable(Array("refs/heads/x.lock".utf8)))
    }
}
