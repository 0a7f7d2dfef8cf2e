import Foundation
import Testing

/// `reset` compared with git 2.39: the same index, work tree, HEAD, reflog
/// lines and messages.
@Suite struct ResetInteropTests {
    @Test func resetModesMatchGit() throws {
        let twin = try CheckoutTwin.make()
        try twin.both(["switch", "-q", "umbau"])
        try twin.each { try Fixtures.write($0, "README.md", "lokal\n") }
        var r = try twin.both(["reset", "HEAD~1"])
        #expect(r.pfad.out == r.git.out)
        try twin.expectSameState("reset --mixed")
        r = try twin.both(["reset", "--soft", "ORIG_HEAD"])
        try twin.expectSameState("reset --soft")
        r = try twin.both(["reset", "--hard", "HEAD~1"])
        #expect(r.pfad.out == r.git.out)
        try twin.expectSameState("reset --hard")
        try twin.both(["reset", "--hard", "ORIG_HEAD"])
        try twin.expectSameState("undo with ORIG_HEAD")
        try twin.each { try Fixtures.write($0, "README.md", "lokal\n") }
        try twin.both(["add", "-A"])
        r = try twin.both(["reset", "-q", "--", "README.md"])
        try twin.expectSameState("reset -- path")
        r = try twin.both(["reset", "main", "Olpe"])
        try twin.expectSameState("reset REV path")
        for args in [["reflog", "--format=%H %gs", "-n", "20"], ["rev-parse", "ORIG_HEAD"]] {
            let g = try twin.runner.git(args, in: twin.git)
            let p = try twin.runner.git(args, in: twin.pfad)
            #expect(p.out == g.out, "\(args)\n--- pfad\n\(p.out)--- git\n\(g.out)")
        }
    }
}
