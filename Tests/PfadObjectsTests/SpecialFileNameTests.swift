import Testing
@testable import PfadObjects

/// The spellings come from git 2.39.5: each name was written as a symbolic
/// link with `printf "120000 blob <id>\t<name>\n" | git mktree`, and
/// `git fsck --strict` reported (or did not report) the `*Symlink` message
/// for it — or `hasDotgit` for the `.git` spellings.
@Suite struct SpecialFileNameTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: [
        ".gitmodules", ".GitModules", "gitmod~1", "GITMOD~4", "gi7eba~1", "gi7eba~9", "gi7eb~12",
        ".gitmodules. . ", ".gitmodules:x", ".git\u{200C}modules", ".gitmodules\u{200C}", "x\\.gitmodules",
    ])
    func gitmodulesSpellings(_ name: String) {
        #expect(SpecialFileName.gitmodules.matches(Self.bytes(name)))
    }

    @Test(arguments: ["gitmod~5", "gi7eb~1", ".gitmodules\\x", ".gitmodulesx", "gitmodules", ".gitmodule", "x.gitmodules", ".gitattributes"])
    func notGitmodules(_ name: String) {
        #expect(!SpecialFileName.gitmodules.matches(Self.bytes(name)))
    }

    @Test func otherSpecialFiles() {
        for name in [".gitattributes", "gitatt~1", "gi7d29~1", ".GITATTRIBUTES  "] {
            #expect(SpecialFileName.gitattributes.matches(Self.bytes(name)), "\(name)")
        }
        for name in [".gitignore", "gitign~1", "gi250a~1"] {
            #expect(SpecialFileName.gitignore.matches(Self.bytes(name)), "\(name)")
        }
        for name in [".mailmap", "mailma~1", "maba30~1", ".MailMap .."] {
            #expect(SpecialFileName.mailmap.matches(Self.bytes(name)), "\(name)")
        }
        // git 2.39 looks behind backslashes only for .git and .gitmodules.
        #expect(!SpecialFileName.mailmap.matches(Self.bytes("x\\.mailmap")))
        #expect(!SpecialFileName.gitignore.matches(Self.bytes(".gitignorex")))
    }

    @Test(arguments: [".git", ".GIT", "git~1", "git~1 .", "git~1:x", ".git\\x", "x\\git~1", ".g\u{200C}it", ".git. ", ".git::$INDEX_ALLOCATION"])
    func dotGitSpellings(_ name: String) {
        #expect(SpecialFileName.dotGit.matches(Self.bytes(name)))
    }

    @Test(arguments: [".gitx", "git~2", "a.git", ".gi", "git"])
    func notDotGit(_ name: String) {
        #expect(!SpecialFileName.dotGit.matches(Self.bytes(name)))
    }
}
