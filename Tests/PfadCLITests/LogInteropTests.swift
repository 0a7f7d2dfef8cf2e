import Foundation
import Testing

/// `log`, `rev-list` and `merge-base` against real git on one history with
/// merges, criss-cross merges, an octopus, equal commit dates and tags:
/// stdout and exit status must be identical.
@Suite struct LogInteropTests {
    /// Runs `args` with both tools and expects identical output and status.
    static func same(_ runner: CommandRunner, _ dir: URL, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let git = try runner.git(args, in: dir)
        let pfad = try runner.pfad(args, in: dir)
        #expect(pfad.out == git.out, "\(args.joined(separator: " ")): pfad stderr: \(pfad.err)", sourceLocation: sourceLocation)
        #expect(pfad.status == git.status, "\(args.joined(separator: " ")): \(pfad.err) vs \(git.err)", sourceLocation: sourceLocation)
    }

    @Test func logFormatsMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try LogFixture.make(runner)
        let everything = "%H|%h|%T|%t|%P|%p|%an|%ae|%at|%ai|%aI|%ad|%cn|%ce|%ct|%ci|%cI|%cd|%s|%d|%D|%%|%n[%b]%n{%B}"
        for args in [
            ["log"],
            ["log", "--oneline"],
            ["log", "--format=\(everything)"],
            ["log", "--format=format:%h %s"],
            ["log", "--pretty=tformat:%H%+b"],
            ["log", "--pretty=short", "x"],
            ["log", "--pretty=full", "-n", "5"],
            ["log", "--pretty=fuller", "-3", "y"],
            ["log", "--decorate=short", "--all"],
            ["log", "--decorate=full", "--oneline", "--all"],
            ["log", "--oneline", "--decorate", "--all"],
            ["log", "--format=%h%d", "--all"],
            ["log", "--date=iso", "-n3"],
            ["log", "--date=iso-strict", "--format=%ad %cd", "-n3"],
            ["log", "--date=rfc", "-n3"],
            ["log", "--date=short", "--format=%ad|%as|%cs", "-n3"],
            ["log", "--date=raw", "-n2"],
            ["log", "--date=unix", "-n2"],
            ["log", "--format=%x41%xZZ%q%", "-n2"],
            ["log", "v2", "-n1"],
            // Patches and stats through revdiff's DiffRevisions; merges show none.
            ["log", "-p", "--all"],
            ["log", "-p", "--oneline", "-n", "4", "main~3"],
            ["log", "-p", "--format=format:%s", "-n", "4", "main~3"],
            ["log", "--stat", "--format=%h", "-n", "6"],
            ["log", "--name-status", "--oneline"],
            ["log", "-p", "-U1", "--", "guides/olpe"],
        ] {
            try Self.same(runner, dir, args)
        }
    }

    @Test func logSelectionAndOrderMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try LogFixture.make(runner)
        for args in [
            ["log", "--format=%H"],
            ["log", "--format=%H", "--reverse"],
            ["log", "--format=%H", "--reverse", "-n", "4"],
            ["log", "--format=%H", "--first-parent"],
            ["log", "--format=%H", "--topo-order"],
            ["log", "--format=%H", "--date-order"],
            ["log", "--format=%H", "--topo-order", "--all"],
            ["log", "--format=%H", "--date-order", "--all"],
            ["log", "--format=%H", "--all"],
            ["log", "--format=%H", "--skip=3", "-n", "5"],
            ["log", "--format=%H", "side..main"],
            ["log", "--format=%H", "main..side"],
            ["log", "--format=%H", "x...y"],
            ["log", "--format=%H", "^x", "y"],
            ["log", "--format=%H", "x", "--not", "y", "side"],
            ["log", "--format=%H", "ties", "x", "y", "side"],
            ["log", "--format=%H", "--topo-order", "main~3..main"],
            ["log", "--format=%H", "main~2^2", "main^3"],
            ["log", "--format=%H", "no-such-rev"],
            ["log", "--format=%H", "main^{tree}"],  // trees name no history: nothing, exit 0
            ["log", "--foo"],  // exit 128 (fatal), while rev-list exits 129
            ["rev-list", "--foo", "main"],
            ["show", "--foo"],
        ] {
            try Self.same(runner, dir, args)
        }
    }

    /// A range whose excluded tip has the same date as the included one
    /// (the default in tests: fixed dates): the walk must not stop before
    /// the excluded side marks the included tip.
    @Test func equalDatesDoNotLeakExcludedCommits() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "equal-dates")
        try runner.git(["init", "-q", "-b", "main"], in: dir)
        try Fixtures.write(dir, "a.md", "a\n")
        try runner.git(["add", "a.md"], in: dir)
        try runner.git(["commit", "-q", "-m", "a"], in: dir)
        try runner.git(["branch", "alt"], in: dir)
        try Fixtures.write(dir, "b.md", "b\n")
        try runner.git(["add", "b.md"], in: dir)
        try runner.git(["commit", "-q", "-m", "b"], in: dir)
        for args in [["rev-list", "alt", "^main"], ["rev-list", "main", "^alt"], ["log", "--format=%s", "main..alt"],
                     ["log", "--format=%s", "alt..main"], ["rev-list", "--count", "alt...main"]] {
            try Self.same(runner, dir, args)
        }
    }

    @Test func pathLimitedLogMatchesGit() throws {
        let runner = try CommandRunner()
        let dir = try LogFixture.make(runner)
        for args in [
            ["log", "--format=%H %s", "--", "guides/arnsberg.md"],
            ["log", "--format=%H %s", "--", "guides/olpe"],
            ["log", "--format=%H %s", "--", "guides/menden.md"],
            ["log", "--format=%H %s", "--", "guides"],
            ["log", "--format=%H %s", "--", "x.txt", "y.txt"],
            ["log", "--format=%H %s", "--", "README.md"],
            ["log", "--format=%H %s", "--", "does-not-exist"],
            ["log", "--format=%H %s", "--all", "--", "x.txt"],
            ["log", "--format=%H %s", "--topo-order", "--", "guides/olpe/intro.md"],
            ["log", "--format=%H %s", "--first-parent", "--", "guides/menden.md"],
            ["log", "--oneline", "side~2..main", "--", "guides"],
            ["rev-list", "main", "--", "guides/olpe"],
        ] {
            try Self.same(runner, dir, args)
        }
    }

    @Test func revListAndMergeBaseMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try LogFixture.make(runner)
        for args in [
            ["rev-list", "main"],
            ["rev-list", "--all"],
            ["rev-list", "--count", "main"],
            ["rev-list", "--count", "--all"],
            ["rev-list", "--topo-order", "--all"],
            ["rev-list", "--date-order", "main"],
            ["rev-list", "--parents", "main"],
            ["rev-list", "--first-parent", "--parents", "main"],
            ["rev-list", "-n", "3", "main", "^side"],
            ["rev-list", "--reverse", "x...y"],
            ["rev-list", "--min-parents=3", "--all"],
            ["rev-list", "--max-parents=0", "--all"],
            ["rev-list", "--count", "--no-merges", "main"],
            ["log", "--oneline", "--merges", "--", "guides"],
            ["merge-base", "main", "side"],
            ["merge-base", "x", "y"],
            ["merge-base", "--all", "x", "y"],
            ["merge-base", "--all", "main", "side", "ties"],
            ["merge-base", "side", "ties"],
            ["merge-base", "--is-ancestor", "side", "main"],
            ["merge-base", "--is-ancestor", "main", "side"],
            ["merge-base", "v2", "v1"],
        ] {
            try Self.same(runner, dir, args)
        }
    }

    /// 200 commits: more than 256 distinct ids get abbreviated, so the
    /// formatter switches from per-id folder listings to one sorted listing.
    @Test func manyAbbreviationsMatchGit() throws {
        let runner = try CommandRunner()
        var stream = LogFixture.Stream()
        var tip = 0
        for i in 0..<200 {
            tip = stream.commit("refs/heads/main", parents: tip == 0 ? [] : [tip], time: 1_700_000_000 + i * 7,
                                message: "Leitfaden \(i)\n", files: ["guides/\(i % 9).md": "Stand \(i)\n"])
        }
        let dir = try LogFixture.make(runner, stream: stream.text)
        for args in [["log", "--format=%h %t %p"], ["log", "--oneline", "--reverse"], ["log", "--pretty=medium", "-n", "3"]] {
            try Self.same(runner, dir, args)
        }
    }
}
