import Foundation
import Testing
@testable import PfadObjects

/// Commit and tag findings. Expected ids and texts from `git fsck` (git
/// 2.39.5) on commits written with `git hash-object --literally`, tag texts
/// from `git mktag`. Texts for missingTree, badTreeSha1 and badParentSha1
/// could not be observed (git's commit parser rejects those objects first
/// with "bogus commit object"), so only their ids are checked.
@Suite struct ObjectCheckerCommitTests {
    static let tree = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    static let author = "author A U <a@b.c> 1700000000 +0100\n"
    static let committer = "committer C <c@d.e> 1700000000 +0100\n"
    static let p = "invalid author/committer line - "

    static func findings(_ type: ObjectType, _ content: String, strict: Bool = false) -> [String] {
        ObjectChecker.check(type: type, content: bytes(content), algorithm: .sha1, strict: strict)
            .map { "\($0.severity.label) \($0.id): \($0.message)" }
    }

    static func commit(author line: String) -> String {
        tree + "author " + line + "\n" + committer + "\nmsg\n"
    }

    @Test(arguments: [
        ("<a@b> 1 +0000", "missingNameBeforeEmail: \(p)missing space before email"),
        ("A<a@b> 1 +0000", "missingSpaceBeforeEmail: \(p)missing space before email"),
        ("A a@b> 1 +0000", "badName: \(p)bad name"),
        ("A> <a@b> 1 +0000", "badName: \(p)bad name"),
        ("A <a@b 1 +0000", "badEmail: \(p)bad email"),
        ("A <a<b> 1 +0000", "badEmail: \(p)bad email"),
        ("A <a@b>1 +0000", "missingSpaceBeforeDate: \(p)missing space before date"),
        ("A <a@b>", "missingSpaceBeforeDate: \(p)missing space before date"),
        ("A <a@b> 01 +0000", "zeroPaddedDate: \(p)zero-padded date"),
        ("A <a@b> x +0000", "badDate: \(p)bad date"),
        ("A <a@b> +0000", "badDate: \(p)bad date"),
        ("A <a@b> 9223372036854775808 +0000", "badDateOverflow: \(p)date causes integer overflow"),
        ("A <a@b> 1 +000", "badTimezone: \(p)bad time zone"),
        ("A <a@b> 1 0000", "badTimezone: \(p)bad time zone"),
        ("A <a@b> 1 +0000 x", "badTimezone: \(p)bad time zone"),
        ("A <a@b> 1  +0000", "badTimezone: \(p)bad time zone"),
    ])
    func badIdentities(line: String, expected: String) {
        #expect(Self.findings(.commit, Self.commit(author: line)) == ["error " + expected])
    }

    @Test(arguments: [" <a@b> 1 +0000", "A <> 1 +0000", "A <a@b> 0 +0000", "A <a@b>  1 +0000",
                      "A <a@b> 1 +9999", "A <a@b> 9223372036854775807 +0000"])
    func identitiesGitAccepts(line: String) {
        #expect(Self.findings(.commit, Self.commit(author: line), strict: true).isEmpty)
    }

    @Test func commitStructure() {
        let (t, a, c) = (Self.tree, Self.author, Self.committer)
        #expect(Self.findings(.commit, t + c + "\nmsg\n") == ["error missingAuthor: invalid format - expected 'author' line"])
        #expect(Self.findings(.commit, t + c + a + "\nmsg\n") == ["error missingAuthor: invalid format - expected 'author' line"])
        #expect(Self.findings(.commit, t + a + a + c + "\nmsg\n") == ["error multipleAuthors: invalid format - multiple 'author' lines"])
        #expect(Self.findings(.commit, t + a + "\nmsg\n") == ["error missingCommitter: invalid format - expected 'committer' line"])
        #expect(Self.findings(.commit, t + a + "encoding x\n" + c + "\nmsg\n") == ["error missingCommitter: invalid format - expected 'committer' line"])
        #expect(Self.findings(.commit, t + a + c + "encoding x\n\nmsg\n").isEmpty)
        #expect(Self.findings(.commit, t + a + c + "msg\n").isEmpty)
        #expect(Self.findings(.commit, t + a + String(c.dropLast())) == ["error unterminatedHeader: unterminated header"])
        #expect(Self.findings(.commit, t.uppercased().replacingOccurrences(of: "TREE", with: "tree") + a + c + "\nm\n").isEmpty)
    }

    @Test func commitIdLines() {
        let (a, c) = (Self.author, Self.committer)
        #expect(ids(.commit, a + c + "\nmsg\n") == ["missingTree"])
        #expect(ids(.commit, "tree zz\n" + a + c + "\nmsg\n") == ["badTreeSha1"])
        #expect(ids(.commit, Self.tree + "parent 123\n" + a + c + "\nmsg\n") == ["badParentSha1"])
        // A sha1 id is too short in a sha256 repository.
        let found = ObjectChecker.check(type: .commit, content: bytes(Self.tree + a + c + "\nm\n"), algorithm: .sha256)
        #expect(found.map(\.id) == ["badTreeSha1"])
    }

    @Test func nulInBodyIsAWarningUnlessStrict() {
        let content = Self.tree + "author A <a@b> 1 +0000\n" + Self.committer + "\nm\0sg\n"
        #expect(Self.findings(.commit, content) == ["warning nulInCommit: NUL byte in the commit object body"])
        #expect(Self.findings(.commit, content, strict: true) == ["error nulInCommit: NUL byte in the commit object body"])
    }

    @Test func tagStructure() {
        let o = "object 587be6b4c3f93f93c489c0111bba5596147a26cb\n"
        let tg = "tagger T <t@g> 1700000000 +0000\n"
        #expect(Self.findings(.tag, o + "type blob\ntag v1\n" + tg + "\nmsg\n", strict: true).isEmpty)
        #expect(Self.findings(.tag, "type blob\ntag v1\n" + tg + "\nmsg\n") == ["error missingObject: invalid format - expected 'object' line"])
        #expect(Self.findings(.tag, "object zz\ntype blob\ntag v1\n" + tg + "\nmsg\n") == ["error badObjectSha1: invalid 'object' line format - bad sha1"])
        #expect(Self.findings(.tag, o + "tag v1\n" + tg + "\nmsg\n") == ["error missingTypeEntry: invalid format - expected 'type' line"])
        #expect(Self.findings(.tag, o + "type blub\ntag v1\n" + tg + "\nmsg\n") == ["error badType: invalid 'type' value"])
        #expect(Self.findings(.tag, o + "type blob\n" + tg + "\nmsg\n") == ["error missingTagEntry: invalid format - expected 'tag' line"])
        #expect(Self.findings(.tag, o + "type blob\ntag v..1\n" + tg + "\nmsg\n", strict: true) == ["warning badTagName: invalid 'tag' name: v..1"])
        #expect(Self.findings(.tag, o + "type blob\ntag v1\n\nmsg\n", strict: true) == ["warning missingTaggerEntry: invalid format - expected 'tagger' line"])
        #expect(Self.findings(.tag, o + "type blob\ntag v1\ntagger T <t@g 1 +0000\n\nmsg\n") == ["error badEmail: \(Self.p)bad email"])
        #expect(Self.findings(.tag, o + "type blob\ntag v1\n" + String(tg.dropLast())) == ["error unterminatedHeader: unterminated header"])
        #expect(Self.findings(.tag, o + "type blob\ntag v1") == ["error unterminatedHeader: unterminated header"])
        // Extra headers after tagger are IGNORE-level in git fsck.
        #expect(Self.findings(.tag, o + "type blob\ntag v1\n" + tg + "foo bar\n\nmsg\n", strict: true).isEmpty)
    }

    @Test(arguments: ["v1", "release/2026-11", "v1.0", "a@b"])
    func validTagNames(name: String) {
        #expect(RefName.isValid(Array("refs/tags/".utf8) + bytes(name)))
    }

    @Test(arguments: ["v..1", ".v", "v/", "v.lock", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[", "a\\b", "a@{1}", "v.", "a//b", "a\u{7F}"])
    func invalidTagNames(name: String) {
        #expect(!RefName.isValid(Array("refs/tags/".utf8) + bytes(name)))
    }

    @Test func identityCheckIsPublic() {
        #expect(ObjectChecker.checkIdentity(bytes("A <a@b> 1 +0000\n")) == nil)
        #expect(ObjectChecker.checkIdentity(bytes("A <a@b> 1 +0000"))?.id == "badTimezone")
    }

    private func ids(_ type: ObjectType, _ content: String) -> [String] {
        ObjectChecker.check(type: type, content: bytes(content), algorithm: .sha1).map(\.id)
    }
}
