import Foundation
import Testing

/// `cherry-pick` and `revert` compared with git 2.39 on the same repositories.
@Suite struct CherryPickInteropTests {
    static let history = """
        printf 'Soest\\n\\nMarkt\\nDom\\nWall\\n\\nEnde\\n' > soest.md && echo 'Olpe' > olpe.md
        git add -A && git commit -q -m 'Grundstand'
        git checkout -q -b thema
        sed -i 's/Dom/Dom St. Patrokli/' soest.md && git commit -q -a -m 'Dom benannt'
        sed -i 's/Markt/Wochenmarkt/' soest.md && echo 'Biggesee' >> olpe.md && git commit -q -a -m 'Markt und See'
        git checkout -q main
        sed -i 's/Ende/Ende (Stand 2026)/' soest.md && git commit -q -a -m 'Stand vermerkt'
        """

    @Test func cleanCherryPickAndRevertGiveGitsCommits() throws {
        let t = try MergeTwins(Self.history)
        let pick = try t.both(["cherry-pick", "thema~1"])
        #expect(pick.pfad.status == 0, "\(pick.pfad.err)")
        #expect(pick.pfad.out == pick.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}"])
        try t.sameGitOutput(["reflog", "-1", "--format=%gs"])
        try t.sameGitOutput(["log", "-1", "--format=%an %ae %ad%n%cn %ce %cd%n%B"])
        try t.sameWorkTrees()
        let revert = try t.both(["revert", "--no-edit", "HEAD~1"])
        #expect(revert.pfad.status == 0, "\(revert.pfad.err)")
        #expect(revert.pfad.out == revert.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}"])
        try t.sameGitOutput(["reflog", "-1", "--format=%gs"])
        try t.sameGitOutput(["log", "-1", "--format=%B"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
        #expect(try t.runner.git(["fsck", "--strict"], in: t.pfad).status == 0)
    }

    @Test func conflictedCherryPickIsRecordedAsGitRecordsIt() throws {
        let t = try MergeTwins(Self.history + "\nsed -i 's/Markt/Marktplatz/' soest.md && git commit -q -a -m 'Platz'\n")
        let pick = try t.both(["cherry-pick", "thema"])
        #expect(pick.git.status == 1)
        #expect(pick.pfad.out == pick.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameGitOutput(["diff"])
        try t.sameGitOutput(["rev-parse", "CHERRY_PICK_HEAD"])
        try t.sameWorkTrees()
        // Resolved the same way; git finishes pfad's pick, pfad finishes git's.
        for root in [t.git, t.pfad] {
            try Fixtures.write(root, "soest.md", "Soest\n\nWochenmarktplatz\nDom\nWall\n\nEnde (Stand 2026)\n")
        }
        #expect(try t.runner.git(["add", "soest.md"], in: t.pfad).status == 0)
        #expect(try t.runner.git(["commit", "-q", "--no-edit"], in: t.pfad).status == 0)
        #expect(try t.runner.pfad(["add", "soest.md"], in: t.git).status == 0)
        let done = try t.runner.pfad(["commit", "-q"], in: t.git)
        #expect(done.status == 0, "\(done.err)")
        try t.sameGitOutput(["rev-parse", "HEAD"])
        try t.sameGitOutput(["log", "-1", "--format=%an %ad%n%B"])
    }

    @Test func conflictedRevertAndAbort() throws {
        let t = try MergeTwins(Self.history + "\ngit merge -q --no-edit thema\nsed -i 's/St. Patrokli/St. Patroklus/' soest.md && git commit -q -a -m 'Name'\n")
        let before = try MergeTwins.files(t.pfad)
        let revert = try t.both(["revert", "--no-edit", "thema~1"])
        #expect(revert.git.status == 1)
        #expect(revert.pfad.out == revert.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["rev-parse", "REVERT_HEAD"])
        try t.sameWorkTrees()
        let abort = try t.both(["revert", "--abort"])
        #expect(abort.pfad.status == 0)
        #expect(try MergeTwins.files(t.pfad) == before)
        try t.sameGitOutput(["status", "--porcelain"])
    }
}
