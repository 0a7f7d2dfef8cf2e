import Foundation
import Testing

/// Hostile objects made with git's own plumbing (`hash-object --literally`,
/// `mktree`, `commit-tree`, `update-ref`); `git fsck --strict` and
/// `pfad fsck --strict` must agree on failing or passing, and pfad must
/// print the expected line (git's text where git's output is stable).
@Suite struct FsckInteropTests {
    private let runner: CommandRunner
    private let repo: URL

    init() throws {
        runner = try CommandRunner()
        repo = try TempDir.make(prefix: "fsck-interop")
        try runner.git(["init", "-q", "-b", "main", repo.path], in: repo)
    }

    /// `git hash-object -w --literally -t <type>` of `bytes`; the id.
    private func write(_ type: String, _ bytes: [UInt8]) throws -> String {
        let result = try runner.git(["hash-object", "-w", "--literally", "-t", type, "--stdin"], in: repo, stdin: bytes)
        #expect(result.status == 0, "\(result.err)")
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func blob(_ text: String) throws -> String { try write("blob", Array(text.utf8)) }

    /// `git mktree` (it checks entry types, so only for well-typed trees).
    private func mktree(_ lines: [String]) throws -> String {
        let result = try runner.git(["mktree"], in: repo, stdin: Array(lines.map { $0 + "\n" }.joined().utf8))
        #expect(result.status == 0, "\(result.err)")
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tree written byte by byte, for entries whose type git mktree refuses.
    private func rawTree(_ entries: [(String, String, String)]) throws -> String {
        var bytes: [UInt8] = []
        for (mode, name, hex) in entries {
            bytes += Array("\(mode) \(name)".utf8) + [0]
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
                index = next
            }
        }
        return try write("tree", bytes)
    }

    private func commit(_ tree: String, parents: [String] = []) throws -> String {
        var text = "tree \(tree)\n"
        for parent in parents { text += "parent \(parent)\n" }
        text += "author A U Thor <a@example.com> 1700000000 +0100\ncommitter A U Thor <a@example.com> 1700000000 +0100\n\nm\n"
        return try write("commit", Array(text.utf8))
    }

    private func commitTree(_ tree: String) throws -> String {
        let result = try runner.git(["commit-tree", "-m", "Wanderweg", tree], in: repo)
        #expect(result.status == 0, "\(result.err)")
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func updateRef(_ name: String, _ id: String) throws {
        let result = try runner.git(["update-ref", name, id], in: repo)
        #expect(result.status == 0, "\(result.err)")
    }

    /// Runs both fscks; expects the same pass/fail and `expected` lines in pfad's output.
    private func expectSameVerdict(fails: Bool, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let git = try runner.git(["fsck", "--strict"], in: repo)
        let pfad = try runner.pfad(["fsck", "--strict"], in: repo)
        #expect((git.status != 0) == fails, "git: \(git.out)\(git.err)", sourceLocation: sourceLocation)
        #expect((pfad.status != 0) == (git.status != 0), "pfad: \(pfad.out)\(pfad.err)\ngit: \(git.out)\(git.err)", sourceLocation: sourceLocation)
        let lines = (pfad.out + pfad.err).split(separator: "\n").map(String.init)
        for line in expected {
            #expect(lines.contains(line), "missing \(line) in\n\(pfad.out)\(pfad.err)", sourceLocation: sourceLocation)
        }
    }

    @Test func commitWhoseTreeIsABlob() throws {
        let file = try blob("kein Baum\n")
        let c = try commit(file)
        try updateRef("refs/heads/main", c)
        try expectSameVerdict(fails: true, ["error: object \(file) is a blob, not a tree", "error: bad tree pointer \(file) in commit \(c)"])
    }

    @Test func parentThatIsABlob() throws {
        let file = try blob("x\n")
        let c = try commit(try mktree(["100644 blob \(file)\tx"]), parents: [file])
        try updateRef("refs/heads/main", c)
        try expectSameVerdict(fails: true, ["error: bad parent \(file) in commit \(c)"])
    }

    @Test(arguments: ["40000", "100644", "120000"])
    func treeEntryOfTheWrongType(mode: String) throws {
        let file = try blob("x\n")
        let inner = try mktree(["100644 blob \(file)\tx"])
        let target = mode == "40000" ? file : inner
        let outer = try rawTree([(mode, "eintrag", target)])
        try updateRef("refs/heads/main", try commitTree(outer))
        let line = mode == "40000" ? "error: object \(file) is a blob, not a tree" : "error: object \(inner) is a tree, not a blob"
        try expectSameVerdict(fails: true, [line, "error in tree \(outer): broken links"])
    }

    @Test func tagWhoseTypeHeaderLies() throws {
        let c = try commitTree(try mktree(["100644 blob \(try blob("x\n"))\tx"]))
        let tag = try write("tag", Array("object \(c)\ntype tree\ntag v1\ntagger A U Thor <a@example.com> 1700000000 +0100\n\nm\n".utf8))
        try updateRef("refs/heads/main", c)
        try updateRef("refs/tags/v1", tag)
        try expectSameVerdict(fails: true, ["error: bad tag pointer to \(c) in \(tag)"])
    }

    @Test(arguments: [
        (".gitmodules", true, "error", "gitmodulesSymlink: .gitmodules is a symbolic link"),
        ("gitmod~1", true, "error", "gitmodulesSymlink: .gitmodules is a symbolic link"),
        (".gitattributes", false, "warning", "gitattributesSymlink: .gitattributes is a symlink"),
        ("gi7d29~1", false, "warning", "gitattributesSymlink: .gitattributes is a symlink"),
        (".gitignore", false, "warning", "gitignoreSymlink: .gitignore is a symlink"),
        (".mailmap", false, "warning", "mailmapSymlink: .mailmap is a symlink"),
    ])
    func specialFileAsASymlink(name: String, fails: Bool, label: String, message: String) throws {
        let tree = try mktree(["120000 blob \(try blob("../../etc/passwd"))\t\(name)"])
        try updateRef("refs/heads/main", try commitTree(tree))
        try expectSameVerdict(fails: fails, ["\(label) in tree \(tree): \(message)"])
    }

    @Test(arguments: [
        ("[submodule \"x\"]\n\turl = --upload-pack=touch /tmp/pwn\n", true, "error", "gitmodulesUrl: disallowed submodule url: --upload-pack=touch /tmp/pwn"),
        ("[submodule \"x\"]\n\turl = https:///x\n", true, "error", "gitmodulesUrl: disallowed submodule url: https:///x"),
        ("[submodule \"x\"]\n\tpath = -x\n", true, "error", "gitmodulesPath: disallowed submodule path: -x"),
        ("[submodule \"../../x\"]\n\turl = ok\n", true, "error", "gitmodulesName: disallowed submodule name: ../../x"),
        ("[submodule \"x\"", false, "warning", "gitmodulesParse: could not parse gitmodules blob"),
        ("[submodule \"x\"]\n\turl = ./-x\n", false, "", ""),
    ])
    func gitmodulesContents(text: String, fails: Bool, label: String, message: String) throws {
        let modules = try blob(text)
        try updateRef("refs/heads/main", try commitTree(try mktree(["100644 blob \(modules)\t.gitmodules"])))
        try expectSameVerdict(fails: fails, label.isEmpty ? [] : ["\(label) in blob \(modules): \(message)"])
        if label.isEmpty {
            #expect(try runner.pfad(["fsck", "--strict"], in: repo).err == "")
        }
    }

    @Test func gitmodulesThatIsATree() throws {
        let inner = try mktree(["100644 blob \(try blob("x\n"))\tx"])
        try updateRef("refs/heads/main", try commitTree(try mktree(["040000 tree \(inner)\t.gitmodules"])))
        try expectSameVerdict(fails: true, ["error in tree \(inner): gitmodulesBlob: non-blob found at .gitmodules"])
    }

    /// Reflog entries are roots: commits left only in a reflog are not
    /// dangling, and one whose object is gone is git's "invalid reflog
    /// entry" (exit 2) — the same output byte for byte.
    @Test func reflogEntriesAreRootsAsInGit() throws {
        for text in ["eins\n", "zwei\n", "drei\n"] {
            try Data(text.utf8).write(to: repo.appendingPathComponent("a.md"))
            try runner.git(["add", "a.md"], in: repo)
            try runner.git(["commit", "-q", "-m", text], in: repo)
        }
        let lost = try runner.git(["rev-parse", "HEAD"], in: repo).out.trimmingCharacters(in: .whitespacesAndNewlines)
        try runner.git(["reset", "-q", "--hard", "HEAD~2"], in: repo)
        for round in ["reachable through the reflog", "object gone"] {
            let git = try runner.git(["fsck", "--strict"], in: repo)
            let pfad = try runner.pfad(["fsck", "--strict"], in: repo)
            #expect(pfad.status == git.status, "\(round): \(pfad.err)")
            #expect(pfad.out == git.out, "\(round)")
            #expect(pfad.err == git.err, "\(round)")
            if round == "reachable through the reflog" {
                try FileManager.default.removeItem(at: repo.appendingPathComponent(".git/objects/\(lost.prefix(2))/\(lost.dropFirst(2))"))
            }
        }
    }
}
