import Testing
@testable import PfadObjects

/// Symbolic links with special names, as `git fsck` 2.39.5 reports them
/// (`printf "120000 blob <id>\t<name>\n" | git mktree`, then
/// `git fsck --strict`): `.gitmodules` is an error in both modes, the other
/// three are informational ("warning in tree …", exit status 0 even with
/// `--strict`). Regular files with those names are clean.
@Suite struct ObjectCheckerSymlinkTests {
    static func check(_ entries: [[UInt8]], strict: Bool) -> [String] {
        ObjectCheckerTests.summary(ObjectChecker.check(type: .tree, content: entries.flatMap { $0 }, algorithm: .sha1, strict: strict))
    }

    @Test(arguments: [
        (".gitmodules", "error gitmodulesSymlink: .gitmodules is a symbolic link"),
        ("GITMOD~1", "error gitmodulesSymlink: .gitmodules is a symbolic link"),
        (".gitattributes", "warning gitattributesSymlink: .gitattributes is a symlink"),
        ("gitatt~1", "warning gitattributesSymlink: .gitattributes is a symlink"),
        (".gitignore", "warning gitignoreSymlink: .gitignore is a symlink"),
        (".MAILMAP", "warning mailmapSymlink: .mailmap is a symlink"),
    ])
    func symlinkNamedLikeASpecialFile(name: String, expected: String) {
        let tree = [ObjectCheckerTests.entry("120000", name)]
        #expect(Self.check(tree, strict: false) == [expected])
        #expect(Self.check(tree, strict: true) == [expected])
        let severity = ObjectChecker.check(type: .tree, content: tree.flatMap { $0 }, algorithm: .sha1, strict: true).first?.severity
        #expect(severity == (name.lowercased().contains("mod") ? .error : .info))
    }

    @Test func regularFilesAndOtherLinksAreClean() {
        let tree = [".gitattributes", ".gitignore", ".gitmodules", ".mailmap"].map { ObjectCheckerTests.entry("100644", $0) }
            + [ObjectCheckerTests.entry("120000", "link")]
        #expect(Self.check(tree, strict: true) == [])
    }

    @Test func symlinkFindingsComeBeforeTheOtherTreeFindings() {
        let tree = [ObjectCheckerTests.entry("100644", ".git"), ObjectCheckerTests.entry("120000", ".gitmodules")]
        #expect(Self.check(tree, strict: true) == [
            "error gitmodulesSymlink: .gitmodules is a symbolic link",
            "error hasDotgit: contains '.git'",
        ])
    }
}
