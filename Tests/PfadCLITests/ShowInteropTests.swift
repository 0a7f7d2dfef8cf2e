import Foundation
import Testing

/// `show` and `reflog` against real git.
@Suite struct ShowInteropTests {
    @Test func showMatchesGitForCommitsTagsTreesAndBlobs() throws {
        let runner = try CommandRunner()
        let dir = try LogFixture.make(runner)
        for args in [
            ["show", "-s"],
            ["show", "-s", "main~1"],
            ["show", "--no-patch", "--format=%H %s", "main", "side"],
            ["show", "-s", "--oneline", "main", "x", "y"],
            ["show", "-s", "--decorate=short", "main~1"],
            ["show", "main~4"],  // clean merges: header and git's empty combined diff
            ["show", "main~1"],
            ["show", "-s", "v2"],
            ["show", "-s", "--date=iso", "v2"],
            ["show", "main^{tree}"],
            ["show", "main:guides/arnsberg.md"],
            ["show", "no-such-object"],
            // With patches (TreeDiff from the revdiff branch).
            ["show"],
            ["show", "v2"],
            ["show", "--stat", "main~3"],
            ["show", "main~3", "main~5"],
            ["show", "--format=%H", "main~3", "main~5"],
            ["show", "--format=format:%H", "main~3", "main~5"],
            ["show", "--oneline", "main~3", "main~4"],
            ["show", "--name-status", "x"],
        ] {
            try LogInteropTests.same(runner, dir, args)
        }
        // The root commit against the empty tree.
        let root = try runner.git(["rev-list", "--max-parents=0", "main"], in: dir).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(root.count == 40)
        try LogInteropTests.same(runner, dir, ["show", root])
    }

    @Test func reflogAndReflogRevisionsMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "pfad-reflog")
        _ = try runner.git(["init", "-q", "-b", "main", "."], in: dir)
        try Fixtures.write(dir, "Arnsberg.md", "eins\n")
        _ = try runner.git(["add", "."], in: dir)
        _ = try runner.git(["commit", "-q", "-m", "Erster Leitfaden"], in: dir)
        try Fixtures.write(dir, "Arnsberg.md", "zwei\n")
        _ = try runner.git(["commit", "-q", "-am", "Zweiter\n\nmit Körper"], in: dir)
        _ = try runner.git(["checkout", "-q", "-b", "olpe"], in: dir)
        try Fixtures.write(dir, "Olpe.md", "Olpe\n")
        _ = try runner.git(["add", "."], in: dir)
        _ = try runner.git(["commit", "-q", "-m", "Olpe"], in: dir)
        _ = try runner.git(["checkout", "-q", "main"], in: dir)
        _ = try runner.git(["reset", "-q", "--hard", "HEAD~1"], in: dir)
        // pfad records a commit too; git must read its reflog lines.
        try Fixtures.write(dir, "Soest.md", "Soest\n")
        _ = try runner.pfad(["add", "Soest.md"], in: dir)
        let committed = try runner.pfad(["commit", "-q", "-m", "Soest von pfad"], in: dir)
        #expect(committed.status == 0, "\(committed.err)")
        for args in [
            ["reflog"],
            ["reflog", "show", "main"],
            ["reflog", "olpe"],
            ["reflog", "-n", "2"],
            ["rev-parse", "HEAD@{1}", "HEAD@{3}", "main@{1}", "@{1}", "@{-1}", "olpe@{0}"],
            ["log", "-1", "--format=%H %s", "HEAD@{2}"],
            ["log", "--format=%s", "@{-1}"],
            ["reflog", "no-such-branch"],
        ] {
            try LogInteropTests.same(runner, dir, args)
        }
    }
}
