import Foundation
import Testing

/// add, commit, rm and status compared with git on the same operations.
@Suite struct PorcelainInteropTests {
    /// Runs `steps` in a git repository and a pfad repository, each step
    /// with the tool of its side, and returns both roots.
    private func twin(_ runner: CommandRunner, _ steps: [(URL) throws -> Void] = []) throws -> (git: URL, pfad: URL) {
        let dir = try TempDir.make(prefix: "twin")
        let g = dir.appendingPathComponent("g"), p = dir.appendingPathComponent("p")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        let r = try runner.pfad(["init", "-q", p.path], in: dir)
        #expect(r.status == 0, "\(r.err)")
        return (g, p)
    }

    private func both(_ runner: CommandRunner, _ roots: (git: URL, pfad: URL), _ args: [String], env: [String: String] = [:]) throws {
        let g = try runner.git(args, in: roots.git, env: env)
        let p = try runner.pfad(args, in: roots.pfad, env: env)
        #expect(p.status == g.status, "\(args): pfad \(p.status) \(p.err) / git \(g.status) \(g.err)")
    }

    @Test func germanNamesShowAsWrittenInBothTools() throws {
        let runner = try CommandRunner()
        let roots = try twin(runner)
        let quoted = try runner.git(["config", "core.quotepath"], in: roots.pfad)
        #expect(quoted.out == "false\n")
        try Fixtures.write(roots.pfad, "Bürgerbeteiligung.md", "# Bürgerbeteiligung\n")
        try Fixtures.write(roots.git, "Bürgerbeteiligung.md", "# Bürgerbeteiligung\n")
        #expect(try runner.pfad(["status", "--porcelain"], in: roots.pfad).out == "?? Bürgerbeteiligung.md\n")
        #expect(try runner.git(["status", "--porcelain"], in: roots.pfad).out == "?? Bürgerbeteiligung.md\n")
        // A repository git made keeps git's default (octal quoting) in both tools.
        let gitQuoted = try runner.git(["status", "--porcelain"], in: roots.git).out
        #expect(gitQuoted == "?? \"B\\303\\274rgerbeteiligung.md\"\n")
        #expect(try runner.pfad(["status", "--porcelain"], in: roots.git).out == gitQuoted)
    }

    @Test func sameAddCommitSequenceGivesSameCommitIDs() throws {
        let runner = try CommandRunner()
        let roots = try twin(runner)
        for root in [roots.git, roots.pfad] { try Fixtures.writeGuideTree(root) }
        try both(runner, roots, ["add", "-A"])
        try both(runner, roots, ["commit", "-q", "-m", "Erste Fassung\n\n\n# kein Kommentar bei -m\nZeile mit Leerzeichen am Ende   \n\n"])
        for root in [roots.git, roots.pfad] {
            try Fixtures.write(root, "Leitfäden/Über uns.md", "# Über uns\n\nÜberarbeitet in Olpe.\n")
            try Fixtures.write(root, "neu.txt", "neu\n")
        }
        try both(runner, roots, ["add", "neu.txt"])
        try both(runner, roots, ["commit", "-q", "-a", "-m", "Olpe überarbeitet"], env: ["GIT_AUTHOR_DATE": "2026-11-28T10:15:00+01:00"])
        try both(runner, roots, ["commit", "-q", "--allow-empty", "-m", "Leerer Stand", "--author", "Bernd Köhler <bernd@menden.example>"],
                 env: ["GIT_COMMITTER_DATE": "Sat, 28 Nov 2026 11:00:00 +0100"])
        try both(runner, roots, ["rm", "-q", "daten/leer.txt"])
        try both(runner, roots, ["rm", "-q", "--cached", "neu.txt"])
        try both(runner, roots, ["commit", "-q", "-m", "Aufgeräumt"], env: ["GIT_AUTHOR_DATE": "@1800000000 -0230"])
        let g = try runner.git(["rev-parse", "HEAD", "HEAD~1", "HEAD~2", "HEAD~3"], in: roots.git)
        let p = try runner.git(["rev-parse", "HEAD", "HEAD~1", "HEAD~2", "HEAD~3"], in: roots.pfad)
        #expect(g.status == 0)
        #expect(p.out == g.out)
        let fsck = try runner.git(["fsck", "--strict"], in: roots.pfad)
        #expect(fsck.status == 0, "\(fsck.err)")
        // Nothing to commit is an error in both.
        try both(runner, roots, ["commit", "-q", "-m", "nichts"])
        #expect(try runner.pfad(["status", "--porcelain"], in: roots.pfad).out == runner.git(["status", "--porcelain"], in: roots.git).out)
    }

    @Test func statusPorcelainMatchesGitInEveryState() throws {
        let runner = try CommandRunner()
        let roots = try twin(runner)
        func step(_ body: (URL) throws -> Void) throws { for r in [roots.git, roots.pfad] { try body(r) } }
        func compare(_ label: String) throws {
            // pfad first: git status may refresh the index.
            for root in [roots.git, roots.pfad] {
                for variant in [["--porcelain"], ["--porcelain", "-uall"], ["--porcelain", "-uno"], ["-s"]] {
                    let p = try runner.pfad(["status"] + variant, in: root)
                    let g = try runner.git(["status"] + variant, in: root)
                    #expect(p.status == 0, "\(label): \(p.err)")
                    #expect(p.out == g.out, "\(label) \(variant) in \(root.lastPathComponent)\n--- pfad\n\(p.out)--- git\n\(g.out)")
                }
            }
        }
        try compare("empty repository")
        try step { try Fixtures.writeGuideTree($0) }
        try compare("all untracked")
        try both(runner, roots, ["add", "Leitfäden/Über uns.md", "README.md"])
        try compare("partly staged before the first commit")
        try both(runner, roots, ["add", "-A"])
        try both(runner, roots, ["commit", "-q", "-m", "Start"])
        try compare("clean")
        try step {
            try Fixtures.write($0, "README.md", "# Geändert\n")  // modified, unstaged
            try Fixtures.write($0, "Leitfäden/01 Start/Checkliste.txt", "- nur noch ein Punkt\n")
            try Fixtures.remove($0, "daten/leer.txt")  // deleted, unstaged
            try Fixtures.write($0, "Neu/Entwurf.md", "Entwurf\n")  // untracked folder
            try Fixtures.write($0, "Leitfäden/notiz.txt", "Notiz\n")  // untracked file in a tracked folder
            try Fixtures.write($0, ".gitignore", "*.log\n/build/\n!wichtig.log\n")
            try Fixtures.write($0, "protokoll.log", "ignoriert\n")
            try Fixtures.write($0, "wichtig.log", "nicht ignoriert\n")
            try Fixtures.write($0, "build/ausgabe.txt", "ignoriert\n")
            try Fixtures.write($0, "Leitfäden/02 Beteiligung/.gitignore", "entwurf-*\n")
            try Fixtures.write($0, "Leitfäden/02 Beteiligung/entwurf-1.md", "ignoriert\n")
        }
        try compare("modified, deleted, untracked, ignored")
        try both(runner, roots, ["add", "Leitfäden/01 Start/Checkliste.txt"])
        try step { try Fixtures.write($0, "Leitfäden/01 Start/Checkliste.txt", "- wieder geändert\n") }  // MM
        try both(runner, roots, ["add", "Neu/Entwurf.md"])  // A
        try step { try Fixtures.write($0, "Neu/Entwurf.md", "Entwurf 2\n") }  // AM
        try both(runner, roots, ["rm", "-q", "--cached", "README.md"])  // D + untracked
        try both(runner, roots, ["rm", "-q", "scripts/veröffentlichen.sh"])  // D
        try step { try Fixtures.write($0, "daten/ohne-zeilenende.txt", "kein Zeilenende am Schluss", executable: true) }  // mode change
        try compare("mixed staged and unstaged")
        // A staged move (same content under a new name) shows as a rename.
        try both(runner, roots, ["rm", "-q", "--cached", "Leitfäden/Über uns.md"])
        try step {
            try FileManager.default.moveItem(
                at: $0.appendingPathComponent("Leitfäden/Über uns.md"), to: $0.appendingPathComponent("Leitfäden/Wir über uns.md"))
        }
        try both(runner, roots, ["add", "Leitfäden/Wir über uns.md"])
        try compare("staged rename")
        try both(runner, roots, ["add", "-A"])
        try compare("everything staged")
    }

    @Test func statusAcrossToolsAfterTheOtherToolWroteTheIndex() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "cross")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.writeGuideTree(repo)
        #expect(try runner.pfad(["add", "-A"], in: repo).status == 0)
        // git reads pfad's index: everything staged, nothing else.
        let afterPfadAdd = try runner.git(["status", "--porcelain"], in: repo)
        #expect(afterPfadAdd.out == (try runner.pfad(["status", "--porcelain"], in: repo)).out)
        #expect(afterPfadAdd.out.contains("A  README.md"))
        #expect(try runner.pfad(["commit", "-q", "-m", "x"], in: repo).status == 0)
        #expect(try runner.git(["status", "--porcelain"], in: repo).out == "")
        // git writes the index (v4 too); pfad reads it.
        try Fixtures.write(repo, "README.md", "geändert\n")
        try runner.git(["update-index", "--index-version", "4"], in: repo)
        try runner.git(["add", "README.md"], in: repo)
        #expect(try runner.pfad(["status", "--porcelain"], in: repo).out == "M  README.md\n")
        #expect(try runner.pfad(["ls-files", "-s"], in: repo).out == (try runner.git(["ls-files", "-s"], in: repo)).out)
    }

    @Test func concurrentCommitsNeverLoseACommit() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "race")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.write(repo, "a.txt", "a\n")
        #expect(try runner.pfad(["add", "a.txt"], in: repo).status == 0)
        #expect(try runner.pfad(["commit", "-q", "-m", "Wurzel"], in: repo).status == 0)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 12) { i in
            let r = try? runner.pfad(["commit", "-q", "--allow-empty", "-m", "Parallel \(i)"], in: repo)
            results.append(r.map { ($0.status, $0.err) } ?? (-1, "did not run"))
        }
        let all = results.values
        let successes = all.filter { $0.0 == 0 }.count
        #expect(successes >= 1)
        for failure in all where failure.0 != 0 {
            // A lost race is a clean, one-line fatal error (plus, for a
            // held lock, one `hint:` line on what to do).
            #expect(failure.0 == 128, "\(failure.1)")
            let lines = failure.1.split(separator: "\n")
            #expect(lines.filter { !$0.hasPrefix("hint: ") }.count == 1, "\(failure.1)")
            #expect(lines.first?.hasPrefix("fatal: ") == true, "\(failure.1)")
        }
        let count = try runner.git(["rev-list", "--count", "HEAD"], in: repo)
        #expect(count.out == "\(successes + 1)\n")
        #expect(try runner.git(["fsck", "--strict", "--no-dangling"], in: repo).status == 0)
    }
}

/// Thread-safe collection of process results for the concurrency test.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int32, String)] = []
    func append(_ item: (Int32, String)) { lock.lock(); items.append(item); lock.unlock() }
    var values: [(Int32, String)] { lock.lock(); defer { lock.unlock() }; return items }
}
