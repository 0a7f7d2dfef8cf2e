import PfadObjects
import Testing
@testable import PfadRepository

/// Every verdict here was observed with git 2.39.5: the text written as a
/// `.gitmodules` blob with `git hash-object -w`, put in a tree with
/// `git mktree`, committed, then `git fsck --strict` (the expected lines are
/// what it printed after `error in blob <id>: ` / `warning in blob <id>: `).
@Suite struct GitmodulesCheckTests {
    static func check(_ text: String) -> [String] {
        GitmodulesCheck.findings(in: Array(text.utf8), strict: true).map { "\($0.severity.label) \($0.id): \($0.message)" }
    }

    @Test(arguments: [
        ("[submodule \"x\"]\n\turl = --upload-pack=touch /tmp/pwn\n", ["error gitmodulesUrl: disallowed submodule url: --upload-pack=touch /tmp/pwn"]),
        ("[submodule \"x\"]\n\tpath = -x\n", ["error gitmodulesPath: disallowed submodule path: -x"]),
        ("[submodule \"../../x\"]\n\turl = ok\n", ["error gitmodulesName: disallowed submodule name: ../../x"]),
        ("[submodule \"a\\\\..\\\\b\"]\n\turl = ok\n", ["error gitmodulesName: disallowed submodule name: a\\..\\b"]),
        ("[submodule \"a/..\"]\n\turl = ok\n", ["error gitmodulesName: disallowed submodule name: a/.."]),
        ("[submodule \"\"]\n\turl = ok\n", ["error gitmodulesName: disallowed submodule name: "]),
        ("[submodule \"x\"", ["warning gitmodulesParse: could not parse gitmodules blob"]),
        ("[submodule \"x\"]\n\tupdate = !rm -rf /\n", ["error gitmodulesUpdate: disallowed submodule update setting: !rm -rf /"]),
        // Everything read before a syntax error is still checked.
        ("[submodule \"x\"]\n\turl = -a\n[x\n", [
            "error gitmodulesUrl: disallowed submodule url: -a", "warning gitmodulesParse: could not parse gitmodules blob",
        ]),
        // git reads variables before any section header; so must we.
        ("garbage\n[submodule \"x\"]\n\turl = -a\n", ["error gitmodulesUrl: disallowed submodule url: -a"]),
        ("[submodule \"../x\"]\n\turl = -a\n\tpath = -b\n", [
            "error gitmodulesName: disallowed submodule name: ../x", "error gitmodulesUrl: disallowed submodule url: -a",
            "error gitmodulesName: disallowed submodule name: ../x", "error gitmodulesPath: disallowed submodule path: -b",
        ]),
    ])
    func verdicts(text: String, expected: [String]) {
        #expect(Self.check(text) == expected)
    }

    @Test(arguments: [
        "[submodule \"x\"]\n\turl = ./-x\n", "[submodule \"..a\"]\n\turl = ok\n", "[submodule \"x\"]\n\turl\n",
        "[submodule]\n\turl = -a\n", "[other \"x\"]\n\turl = -a\n", "",
        "[submodule \"karte\"]\n\tpath = karten/west\n\turl = https://example.com/karte.git\n\tupdate = rebase\n",
    ])
    func accepted(text: String) {
        #expect(Self.check(text) == [])
    }
}
