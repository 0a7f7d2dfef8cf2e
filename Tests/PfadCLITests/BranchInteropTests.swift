import Foundation
import Testing

/// `branch` compared with git 2.39 on copies of one repository: listings,
/// messages, refusals, reflogs.
@Suite struct BranchInteropTests {
    @Test func branchListingsAndChangesMatchGit() throws {
        let twin = try CheckoutTwin.make()
        var r = try twin.both(["branch"])
        #expect(r.pfad.out == r.git.out)
        try twin.both(["branch", "Arnsberg"])
        try twin.both(["branch", "Soest/Entwurf", "umbau"])
        try twin.both(["branch", "Menden", "HEAD"])
        r = try twin.both(["branch", "Arnsberg"])  // exists: fatal
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["branch", "bad..name"])
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["branch", "--list"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["branch", "--list", "S*"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["branch", "-m", "Menden", "Olpe"])
        r = try twin.both(["branch", "-d", "Arnsberg"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["branch", "-d", "umbau"])  // not merged into main
        #expect(r.pfad.status == 1)
        #expect(r.pfad.err == r.git.err.replacingOccurrences(of: "git branch", with: "pfad branch"))
        r = try twin.both(["branch", "-D", "umbau"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["branch", "-d", "main"])  // checked out
        #expect(r.pfad.err.hasPrefix("error: Cannot delete branch 'main' checked out at "))
        r = try twin.both(["branch", "-d", "gibt-es-nicht"])
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["branch", "-m", "neu-main"])  // the current branch
        r = try twin.both(["branch"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["branch", "--show-current"])
        #expect(r.pfad.out == r.git.out)
        for args in [["show-ref"], ["reflog", "--format=%H %gs", "-n", "20"], ["reflog", "show", "--format=%H %gs", "refs/heads/Olpe"],
                     ["reflog", "show", "--format=%H %gs", "refs/heads/Soest/Entwurf"]] {
            let g = try twin.runner.git(args, in: twin.git)
            let p = try twin.runner.git(args, in: twin.pfad)
            #expect(p.out == g.out, "\(args)\n--- pfad\n\(p.out)--- git\n\(g.out)")
        }
        try twin.both(["checkout", "-q", "HEAD~0"])
        r = try twin.both(["branch"])
        #expect(r.pfad.out == r.git.out)
    }

    /// On an unborn branch, `switch -c` and `checkout -b` only move HEAD.
    @Test func newBranchOnAnUnbornHead() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "unborn")
        let g = dir.appendingPathComponent("g"), p = dir.appendingPathComponent("p")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        try runner.git(["init", "-q", "-b", "main", p.path], in: dir)
        for args in [["switch", "-c", "Entwurf"], ["checkout", "-b", "Zweiter"], ["branch"]] {
            let gr = try runner.git(args, in: g)
            let pr = try runner.pfad(args, in: p)
            #expect(pr.status == gr.status, "\(args): \(pr.err)")
            #expect(pr.out == gr.out)
            #expect(try runner.git(["symbolic-ref", "HEAD"], in: p).out == runner.git(["symbolic-ref", "HEAD"], in: g).out)
        }
    }
}
