import Foundation
import Testing

/// `blame` against real git 2.39 on the same repositories: standard output
/// and exit status must be identical byte for byte.
@Suite struct BlameInteropTests {
    /// Runs `args` with both tools (git with `gitConfig` in front) and
    /// expects identical output and status.
    static func same(
        _ runner: CommandRunner, _ dir: URL, _ args: [String], gitConfig: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let git = try runner.git(gitConfig + args, in: dir)
        let pfad = try runner.pfad(args, in: dir)
        #expect(pfad.out == git.out, "\(args.joined(separator: " ")): pfad stderr: \(pfad.err)", sourceLocation: sourceLocation)
        #expect(pfad.status == git.status, "\(args.joined(separator: " ")): \(pfad.err) vs \(git.err)", sourceLocation: sourceLocation)
        #expect(!git.out.isEmpty || git.status != 0, "git printed nothing for \(args)", sourceLocation: sourceLocation)
    }

    /// The files of `rev` (one `ls-tree`).
    static func files(_ runner: CommandRunner, _ dir: URL, _ rev: String) throws -> [String] {
        try runner.git(["ls-tree", "-r", "--name-only", rev], in: dir).out.split(separator: "\n").map(String.init)
    }

    /// Random histories with merges and renames; lines repeat a lot (many
    /// ambiguous change groups). git runs with its default configuration
    /// (indent heuristic on, as pfad). Every file at several revisions, all formats.
    @Test(arguments: [UInt64(11), 12, 13])
    func porcelainAndHumanMatchGitOnRandomHistories(seed: UInt64) throws {
        let runner = try CommandRunner()
        let dir = try BlameFixture.make(runner, seed: seed, commits: 45)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain: [String] = []
        for rev in ["main", "main~4", "side", "main^2"] {
            guard try runner.git(["rev-parse", "-q", "--verify", rev], in: dir).status == 0 else { continue }
            for file in try Self.files(runner, dir, rev) {
                try Self.same(runner, dir, ["blame", "--porcelain", rev, "--", file], gitConfig: plain)
            }
        }
        let head = try Self.files(runner, dir, "main")
        for file in head {
            try Self.same(runner, dir, ["blame", file], gitConfig: plain)
            try Self.same(runner, dir, ["blame", "--line-porcelain", file, "main~1"], gitConfig: plain)
        }
        if let file = head.first {
            try Self.same(runner, dir, ["blame", "-L", "3,6", "-L", "9,+2", file], gitConfig: plain)
            try Self.same(runner, dir, ["blame", "-s", "-L5,-3", "main", "--", file], gitConfig: plain)
            try Self.same(runner, dir, ["blame", "-e", "-l", "--root", file], gitConfig: plain)
            try Self.same(runner, dir, ["blame", "-L", "2", "-f", "--porcelain", file], gitConfig: plain)
            try Self.same(runner, dir, ["blame", "-n", "--abbrev=10", file], gitConfig: plain)
        }
    }

    /// Guide text with headings, blank lines and lists, blamed with git's
    /// default configuration (indent heuristic on): renames with edits, a
    /// merge taking lines from both sides, a merge with the second
    /// parent's identical file, work-tree blame of an unchanged file, errors.
    @Test func guideHistoryMatchesGitWithDefaults() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "pfad-blame-guide")
        defer { try? FileManager.default.removeItem(at: dir) }
        var time = 1_700_000_000
        func commit(_ message: String) throws {
            time += 100
            let env = ["GIT_AUTHOR_DATE": "\(time) +0100", "GIT_COMMITTER_DATE": "\(time) +0100"]
            try runner.git(["-c", "gc.auto=0", "commit", "-q", "-a", "-m", message], in: dir, env: env)
        }
        try runner.git(["init", "-q", "-b", "main", "."], in: dir)
        let guide = """
            # Rundweg Sorpesee

            Start am Parkplatz Nord.
            Der Weg führt am Ufer entlang.

            ## Einkehr

            - Café am See
            - Gasthof Zur Linde

            ## Anreise

            Bus R34 bis Sorpedamm.

            """
        try Fixtures.write(dir, "arnsberg/sorpesee.md", guide)
        try runner.git(["add", "."], in: dir)
        try commit("Sorpesee: erste Fassung")
        try Fixtures.write(dir, "arnsberg/sorpesee.md", guide.replacingOccurrences(of: "Nord", with: "Süd") + "Stand: Mai\n")
        try commit("Parkplatz korrigiert")
        try runner.git(["mv", "arnsberg/sorpesee.md", "arnsberg/rundweg-sorpesee.md"], in: dir)
        try commit("Umbenannt")
        try runner.git(["checkout", "-q", "-b", "side"], in: dir)
        var side = try String(contentsOf: dir.appendingPathComponent("arnsberg/rundweg-sorpesee.md"), encoding: .utf8)
        side = side.replacingOccurrences(of: "- Café am See\n", with: "- Café am See (Mo Ruhetag)\n- Kiosk\n")
        try Fixtures.write(dir, "arnsberg/rundweg-sorpesee.md", side)
        try commit("Einkehr ergänzt")
        try runner.git(["checkout", "-q", "main"], in: dir)
        var main = try String(contentsOf: dir.appendingPathComponent("arnsberg/rundweg-sorpesee.md"), encoding: .utf8)
        main = main.replacingOccurrences(of: "Bus R34", with: "Bus R34 oder R35")
        try Fixtures.write(dir, "arnsberg/rundweg-sorpesee.md", main)
        try Fixtures.write(dir, "olpe.md", "# Olpe\n\nBiggesee.\n")
        try runner.git(["add", "."], in: dir)
        try commit("Anreise")
        try runner.git(["-c", "gc.auto=0", "merge", "-q", "--no-edit", "side"], in: dir, env: ["GIT_COMMITTER_DATE": "1700009000 +0100", "GIT_AUTHOR_DATE": "1700009000 +0100"])
        // A side branch that only touches another file: merged, the guide's
        // version is identical in both parents.
        try runner.git(["checkout", "-q", "-b", "olpe"], in: dir)
        try Fixtures.write(dir, "olpe.md", "# Olpe\n\nBiggesee und Altstadt.\n")
        try commit("Olpe")
        try runner.git(["checkout", "-q", "main"], in: dir)
        try Fixtures.write(dir, "arnsberg/rundweg-sorpesee.md", main.replacingOccurrences(of: "Stand: Mai", with: "Stand: Juni") + side.split(separator: "\n").filter { $0.contains("Kiosk") || $0.contains("Ruhetag") }.joined(separator: "\n") + "\n")
        try commit("Stand Juni")
        try runner.git(["-c", "gc.auto=0", "merge", "-q", "--no-edit", "olpe"], in: dir, env: ["GIT_COMMITTER_DATE": "1700019000 +0100", "GIT_AUTHOR_DATE": "1700019000 +0100"])
        let file = "arnsberg/rundweg-sorpesee.md"
        for args in [
            ["blame", "--porcelain", file], ["blame", file], ["blame", "--line-porcelain", "HEAD^", "--", file],
            ["blame", "-L", "4,8", file], ["blame", "HEAD~3", "--", file], ["blame", "--porcelain", "olpe.md"],
            ["blame", "-L", "3,1", file],
            // Errors: git's messages and exit codes.
            ["blame", "-L", "40,41", file], ["blame", "-L", "0,2", file], ["blame", "nope.md"],
            ["blame", "HEAD~4", "--", file], ["blame", "-L", "2,+0", file],
        ] {
            try Self.same(runner, dir, args)
        }
        // blame.showRoot and blame.showEmail from the repository's config.
        try runner.git(["config", "blame.showRoot", "true"], in: dir)
        try runner.git(["config", "blame.showEmail", "true"], in: dir)
        try Self.same(runner, dir, ["blame", file])
        try Self.same(runner, dir, ["blame", "--porcelain", file])
        let pfad = try runner.pfad(["blame", "nope.md", "HEAD"], in: dir)
        #expect(pfad.status == 128 && pfad.err == "fatal: no such path nope.md in HEAD\n")
    }

    /// Work-tree blame of a modified file: committed lines as git, new
    /// lines on the null id with "Not Committed Yet" (times differ, so
    /// compared without them).
    @Test func workTreeChangesGoToNotCommittedYet() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "pfad-blame-wt")
        defer { try? FileManager.default.removeItem(at: dir) }
        try runner.git(["init", "-q", "-b", "main", "."], in: dir)
        try Fixtures.write(dir, "soest.md", "# Soest\n\nWälle.\nKirchen.\n")
        try runner.git(["add", "."], in: dir)
        try runner.git(["commit", "-q", "-m", "Soest"], in: dir)
        try Fixtures.write(dir, "soest.md", "# Soest\n\nWälle und Tore.\nKirchen.\nAllerheiligenkirmes.\n")
        let strip = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("author-time") && !$0.hasPrefix("committer-time") }
        }
        let git = try runner.git(["blame", "--porcelain", "soest.md"], in: dir)
        let pfad = try runner.pfad(["blame", "--porcelain", "soest.md"], in: dir)
        #expect(strip(pfad.out) == strip(git.out))
        #expect(git.out.contains("Not Committed Yet"))
        // A file only added to the index: every line is not committed yet.
        try Fixtures.write(dir, "menden.md", "# Menden\nHönnetal.\n")
        try runner.git(["add", "menden.md"], in: dir)
        let gitAdded = try runner.git(["blame", "--porcelain", "menden.md"], in: dir)
        let pfadAdded = try runner.pfad(["blame", "--porcelain", "menden.md"], in: dir)
        #expect(strip(pfadAdded.out) == strip(gitAdded.out))
        #expect(gitAdded.out.contains("Not Committed Yet"))
    }
}
