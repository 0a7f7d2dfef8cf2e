import Foundation
import Testing

/// Bad input gives one line on standard error and git's exit code, never a crash.
@Suite struct ErrorHandlingTests {
    private func expectOneLineFatal(_ r: ProcessResult, _ fragment: String, code: Int32 = 128, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == code, "exit \(r.status): \(r.err)", sourceLocation: sourceLocation)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(fragment), "\(r.err)", sourceLocation: sourceLocation)
    }

    @Test func outsideARepository() throws {
        let runner = try CommandRunner()
        let r = try runner.pfad(["status"], in: runner.home)
        expectOneLineFatal(r, "fatal: not a git repository (or any of the parent directories): .git")
    }

    @Test func unknownRevisionsAndBadObjects() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "err")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.write(repo, "a.txt", "a\n")
        #expect(try runner.pfad(["add", "a.txt"], in: repo).status == 0)
        #expect(try runner.pfad(["commit", "-q", "-m", "a"], in: repo).status == 0)
        expectOneLineFatal(try runner.pfad(["rev-parse", "--verify", "gibtsnicht"], in: repo), "fatal: Needed a single revision")
        expectOneLineFatal(try runner.pfad(["cat-file", "-p", "HEAD~5"], in: repo), "fatal: Not a valid object name HEAD~5")
        expectOneLineFatal(try runner.pfad(["ls-tree", "nix"], in: repo), "fatal: Not a valid object name nix")
        expectOneLineFatal(try runner.pfad(["add", "../draußen.txt"], in: repo), "is outside repository")
        expectOneLineFatal(try runner.pfad(["update-ref", "refs/heads/bad..name", "HEAD"], in: repo), "fatal:")
        let e = try runner.pfad(["cat-file", "-e", "0123456789012345678901234567890123456789"], in: repo)
        #expect(e.status != 0)

        // update-ref compare-and-swap: a wrong old value changes nothing.
        let head = try runner.pfad(["rev-parse", "HEAD"], in: repo).out.trimmingCharacters(in: .newlines)
        let wrongOld = String(repeating: "1", count: 40)
        let cas = try runner.pfad(["update-ref", "refs/heads/main", head, wrongOld], in: repo)
        expectOneLineFatal(cas, "cannot lock ref 'refs/heads/main'")
        #expect(try runner.pfad(["rev-parse", "refs/heads/main"], in: repo).out == head + "\n")
    }

    @Test func corruptObjectIsDetectedByHash() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "corrupt")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.write(repo, "a.txt", "Original\n")
        let id = try runner.pfad(["hash-object", "-w", "a.txt"], in: repo).out.trimmingCharacters(in: .newlines)
        // Replace the object with a valid zlib stream of other content (as git would write it).
        try Fixtures.write(repo, "b.txt", "Gefälscht\n")
        let other = try runner.git(["hash-object", "-w", "b.txt"], in: repo).out.trimmingCharacters(in: .newlines)
        let objects = repo.appendingPathComponent(".git/objects")
        let target = objects.appendingPathComponent(String(id.prefix(2))).appendingPathComponent(String(id.dropFirst(2)))
        let source = objects.appendingPathComponent(String(other.prefix(2))).appendingPathComponent(String(other.dropFirst(2)))
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        let r = try runner.pfad(["cat-file", "-p", id], in: repo)
        #expect(r.status == 128)
        #expect(r.err.contains(id), "\(r.err)")
        #expect(!r.out.contains("Gefälscht"))
        // Truncated file.
        try Data([0x78, 0x01, 0x4b]).write(to: target)
        let t = try runner.pfad(["cat-file", "-p", id], in: repo)
        #expect(t.status == 128)
        #expect(t.err.split(separator: "\n").count == 1, "\(t.err)")
    }

    /// A commit whose time plus zone offset leaves 64 bits used to crash
    /// `log`, `show` and `%ad` (SIGILL). Now each answers as git 2.39 does:
    /// the same one-line fatal error and exit code, or the epoch where git
    /// shows it; `fsck` gives git's verdict (no error for either).
    @Test func timestampsOutOfRangeNeverCrash() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "timestamp")
        try runner.git(["init", "-q", "."], in: repo)
        let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        try runner.git(["hash-object", "-w", "-t", "tree", "--stdin"], in: repo)  // the empty tree
        var commits: [String] = []
        for date in ["9223372036854775000 +1400", "9223372036854775807 +0000", "100 -0100", "9223372036854775000 -1400"] {
            let text = "tree \(tree)\nauthor A <a@b> \(date)\ncommitter A <a@b> \(date)\n\nm\n"
            let made = try runner.git(["hash-object", "-w", "-t", "commit", "--literally", "--stdin"], in: repo, stdin: Array(text.utf8))
            commits.append(made.out.trimmingCharacters(in: .newlines))
        }
        for commit in commits {
            for args in [["log", "-1", commit], ["show", "-s", commit], ["log", "-1", "--format=%ad|%ci|%aI|%at", commit]] {
                let git = try runner.git(args, in: repo)
                let pfad = try runner.pfad(args, in: repo)
                #expect(pfad.status == git.status, "\(args): \(pfad.err)")
                // git prints its "commit <id>" line before it fails; pfad
                // stops before printing anything of the failing commit.
                #expect(git.status == 0 ? pfad.out == git.out : git.out.hasPrefix(pfad.out), "\(args)")
                #expect(pfad.err == git.err, "\(args)")
            }
        }
        #expect(try runner.git(["log", "-1", commits[0]], in: repo).status == 128)
        let fsckGit = try runner.git(["fsck", "--strict", "--no-dangling"], in: repo)
        let fsckPfad = try runner.pfad(["fsck", "--strict", "--no-dangling"], in: repo)
        #expect(fsckPfad.status == fsckGit.status, "\(fsckPfad.err)")
    }

    /// A lock left by a killed process: git's message, then one hint line
    /// saying what to do (git prints a paragraph there).
    @Test func staleIndexLockSaysWhatToDo() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "stale-lock")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.write(repo, "a.md", "a\n")
        try Fixtures.write(repo, ".git/index.lock", "")
        let result = try runner.pfad(["add", "a.md"], in: repo)
        let git = try runner.git(["add", "a.md"], in: repo)
        #expect(result.status == 128)
        #expect(result.status == git.status)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.first == git.err.split(separator: "\n").first.map(String.init))
        #expect(lines == [
            "fatal: Unable to create '\(repo.path)/.git/index.lock': File exists.",
            "hint: If no other pfad or git process is running in this repository, one crashed earlier: remove the file manually to continue.",
        ])
    }

    /// Adding the whole (empty) tree or an existing empty folder is no
    /// error in git; only a path that matches nothing and does not exist is.
    @Test func addingNothingThatExistsIsNoError() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "empty-add")
        try runner.git(["init", "-q", "."], in: repo)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("leer"), withIntermediateDirectories: true)
        for args in [["add", "-A"], ["add", "."], ["add", "leer"], ["add", "nix"]] {
            let git = try runner.git(args, in: repo)
            let pfad = try runner.pfad(args, in: repo)
            #expect(pfad.status == git.status, "\(args): \(pfad.err)")
            #expect(pfad.err == git.err, "\(args)")
        }
    }
}
