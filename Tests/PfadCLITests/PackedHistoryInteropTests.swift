import Foundation
import PfadTestSupport
import Testing

/// History commands on a repository whose objects git has packed
/// (`git gc --aggressive`): pfad must read the packs and answer exactly as git.
@Suite struct PackedHistoryInteropTests {
    @Test func historyCommandsOnAGitPackedRepository() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "packed-history")
        try runner.git(["init", "-q", "-b", "main"], in: repo)
        try Fixtures.writeGuideTree(repo)
        try runner.git(["add", "-A"], in: repo)
        try runner.git(["commit", "-q", "-m", "Erste Fassung"], in: repo)
        var rng = SeededGenerator(seed: 2021)
        for i in 0..<12 {
            let branch = ["arnsberg", "menden", "olpe"][i % 3]
            if i % 4 == 0 { try runner.git(["switch", "-q", "-C", branch, "main"], in: repo) }
            try Fixtures.write(repo, "Leitfäden/\(branch).md", Fixtures.randomText(lines: 20 + i, using: &rng))
            try runner.git(["add", "-A"], in: repo)
            try runner.git(["commit", "-q", "-m", "\(branch): Fassung \(i)"], in: repo,
                           env: ["GIT_AUTHOR_DATE": "\(1_700_000_000 + i * 3600) +0100", "GIT_COMMITTER_DATE": "\(1_700_000_000 + i * 3600) +0100"])
            if i % 4 == 3 {
                try runner.git(["switch", "-q", "main"], in: repo)
                try runner.git(["merge", "-q", "--no-ff", "-m", "Zusammenführung \(branch)", branch], in: repo)
            }
        }
        try runner.git(["tag", "-a", "2021.1", "-m", "Leitfäden 2021.1"], in: repo)
        try runner.git(["gc", "-q", "--aggressive"], in: repo)
        let loose = try runner.git(["count-objects"], in: repo)
        #expect(loose.out.hasPrefix("0 objects"), "git gc should have packed everything: \(loose.out)")

        let commands: [[String]] = [
            ["log"],
            ["log", "--oneline", "--decorate"],
            ["log", "--format=%H %T %P %an %ae %at %s"],
            ["log", "--first-parent", "--oneline"],
            ["log", "--oneline", "--", "Leitfäden/menden.md"],
            ["rev-list", "--all", "--topo-order"],
            ["rev-list", "--count", "HEAD"],
            ["merge-base", "--all", "main", "olpe"],
            ["diff", "--name-status", "HEAD~3", "HEAD"],
            ["diff", "--numstat", "HEAD~3", "HEAD"],
            ["diff", "HEAD~2", "HEAD"],
            ["show", "HEAD~1"],
            ["show", "2021.1"],
            ["tag", "-l"],
            ["branch", "--list"],
            ["blame", "--porcelain", "Leitfäden/olpe.md"],
            ["ls-tree", "-r", "HEAD"],
            ["cat-file", "--batch-check", "--batch-all-objects"],
            ["status", "--porcelain"],
        ]
        for args in commands {
            let expected = try runner.git(args, in: repo)
            let actual = try runner.pfad(args, in: repo)
            #expect(actual.status == expected.status, "\(args): \(actual.err)")
            #expect(actual.stdout == expected.stdout, "\(args)\n--- pfad\n\(actual.out)\n--- git\n\(expected.out)")
        }
        #expect(try runner.pfad(["fsck", "--strict"], in: repo).status == 0)
    }
}
