import PfadObjects
import Testing
@testable import PfadRepository

/// The path rules checkout applies to tree entries. The refused names are
/// the ones git 2.39 refuses on checkout ("error: invalid path 'sub/.GIT'",
/// observed with `git mktree` + `git checkout`) and fsck flags as hasDotgit.
@Suite struct CheckoutPathTests {
    @Test(arguments: [
        "../x", "a/../b", "./a", "a/./b", ".git/config", ".GIT", "sub/.Git/config", "x/.git",
        "git~1/config", ".git./hooks", ".git::$INDEX_ALLOCATION/x", "/etc/passwd", "a//b", "a/", "",
        ".g\u{200C}it/config",
    ])
    func refusesHostilePaths(_ path: String) {
        #expect(CheckoutPath.problem(Array(path.utf8)) != nil, "\(path) must be refused")
    }

    @Test(arguments: ["README.md", "Leitfäden/Über uns.md", ".gitignore", ".github/x", "a.git", "gitx/.gitattributes", "..a", ".a."])
    func acceptsOrdinaryPaths(_ path: String) {
        #expect(CheckoutPath.problem(Array(path.utf8)) == nil, "\(path) must be accepted")
    }

    /// git's checkout refuses a symbolic link named `.gitmodules` in any
    /// spelling (CVE-2018-11235); a regular `.gitmodules` file is fine.
    @Test(arguments: [".gitmodules", ".GITMODULES", "sub/.gitmodules", "gitmod~1", ".gitmodules "])
    func refusesGitmodulesAsSymlink(_ path: String) throws {
        #expect(CheckoutPath.problem(Array(path.utf8), mode: .symlink) != nil)
        #expect(CheckoutPath.problem(Array(path.utf8), mode: .regular) == nil)
        let id = HashAlgorithm.sha1.objectID(type: .blob, content: Array("../x".utf8))
        #expect(throws: RepositoryError.self) {
            try CheckoutPath.validate(tree: [FlatTreeEntry(path: Array(path.utf8), mode: .symlink, id: id)])
        }
    }

    @Test func acceptsOtherSymlinks() {
        #expect(CheckoutPath.problem(Array("aktuell.md".utf8), mode: .symlink) == nil)
        #expect(CheckoutPath.problem(Array(".gitmodules.bak".utf8), mode: .symlink) == nil)
    }

    @Test func refusesAFileThatIsAlsoAFolder() throws {
        let id = HashAlgorithm.sha1.objectID(type: .blob, content: [UInt8]())
        let entries = [
            FlatTreeEntry(path: Array("link".utf8), mode: .symlink, id: id),
            FlatTreeEntry(path: Array("link/x".utf8), mode: .regular, id: id),
        ]
        #expect(throws: RepositoryError.self) { try CheckoutPath.validate(tree: entries) }
        let duplicates = [entries[0], entries[0]]
        #expect(throws: RepositoryError.self) { try CheckoutPath.validate(tree: duplicates) }
        try CheckoutPath.validate(tree: [entries[1]])
    }
}
