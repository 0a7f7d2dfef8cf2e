import Foundation
import Testing

/// `tag` compared with git 2.39: annotated tag objects get the same ids for
/// the same inputs and environment; listings and messages match.
@Suite struct TagInteropTests {
    @Test func tagsMatchGit() throws {
        let twin = try CheckoutTwin.make()
        try twin.both(["tag", "v1"])
        try twin.both(["tag", "-a", "v2", "-m", "Freigabe Südwestfalen\n\n# kein Kommentar?\nZeile   \n\n", "umbau"])
        try twin.both(["tag", "-m", "nur -m", "v3", "HEAD"])
        try twin.both(["tag", "-a", "-m", "Erster", "-m", "Zweiter Absatz", "Olpe/2026"])
        try twin.both(["tag", "-a", "leer", "-m", ""])
        try twin.both(["tag", "-a", "-m", "Tag auf Tag", "tag-auf-tag", "v2"])
        var r = try twin.both(["tag", "v1"])
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["tag", "bad..name"])
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["tag", "-f", "v1", "umbau"])
        for args in [["show-ref", "--tags", "-d"], ["cat-file", "-p", "v2"], ["cat-file", "-p", "leer"]] {
            let g = try twin.runner.git(args, in: twin.git)
            let p = try twin.runner.git(args, in: twin.pfad)
            #expect(p.out == g.out, "\(args)\n--- pfad\n\(p.out)--- git\n\(g.out)")
        }
        r = try twin.both(["tag"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["tag", "-l", "v*"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["tag", "-d", "v3"])
        #expect(r.pfad.out == r.git.out)
        r = try twin.both(["tag", "-d", "v3"])
        #expect(r.pfad.err == r.git.err)
        r = try twin.both(["tag", "--list"])
        #expect(r.pfad.out == r.git.out)
        let fsck = try twin.runner.git(["fsck", "--strict"], in: twin.pfad)
        #expect(fsck.status == 0, "\(fsck.err)")
    }
}
