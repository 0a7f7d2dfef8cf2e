import Foundation
import Testing

/// Two copies of one git-made repository: git runs a command in one, pfad
/// the same command in the other; then index, work tree and status are compared.
struct CheckoutTwin {
    let runner: CommandRunner
    let git: URL
    let pfad: URL

    /// A repository with the guide tree on `main` and a branch `umbau` that
    /// changes, adds and removes files (a file becomes a folder and back).
    static func make() throws -> CheckoutTwin {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "checkout-twin")
        let g = dir.appendingPathComponent("g")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        try Fixtures.writeGuideTree(g)
        try Fixtures.write(g, "Olpe", "eine Datei, die später ein Ordner wird\n")
        try runner.git(["-c", "gc.auto=0", "add", "-A"], in: g)
        try runner.git(["-c", "gc.auto=0", "commit", "-q", "-m", "Start"], in: g)
        try runner.git(["checkout", "-q", "-b", "umbau"], in: g)
        try Fixtures.write(g, "README.md", "# Leitfäden aus Südwestfalen\n\nUmgebaut.\n")
        try Fixtures.remove(g, "Leitfäden/01 Start/Checkliste.txt")
        try Fixtures.remove(g, "Olpe")
        try Fixtures.write(g, "Olpe/Leitfaden.md", "# Olpe\n")
        try Fixtures.write(g, "Neu/Tief/Datei.txt", "neu\n", executable: true)
        try runner.git(["-c", "gc.auto=0", "add", "-A"], in: g)
        try runner.git(["-c", "gc.auto=0", "commit", "-q", "-m", "Umbau"], in: g)
        try runner.git(["checkout", "-q", "main"], in: g)
        let p = dir.appendingPathComponent("p")
        _ = try runner.run(executable: "/bin/cp", ["-a", g.path, p.path], in: dir)
        return CheckoutTwin(runner: runner, git: g, pfad: p)
    }

    /// Runs `args` with each tool on its copy; returns both results.
    @discardableResult
    func both(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (git: ProcessResult, pfad: ProcessResult) {
        let g = try runner.git(args, in: git)
        let p = try runner.pfad(args, in: pfad)
        #expect(p.status == g.status, "\(args): pfad \(p.status) \(p.err) / git \(g.status) \(g.err)", sourceLocation: sourceLocation)
        return (g, p)
    }

    /// Runs `body` on both copies (to set up the same local changes).
    func each(_ body: (URL) throws -> Void) throws {
        try body(git)
        try body(pfad)
    }

    /// Index (`ls-files -s`), HEAD, work tree (paths, modes, contents) and
    /// `status --porcelain` must be the same; both must pass `fsck --strict`.
    func expectSameState(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for args in [["ls-files", "-s"], ["symbolic-ref", "-q", "HEAD"], ["rev-parse", "HEAD"], ["status", "--porcelain", "-uall"]] {
            let g = try runner.git(args, in: git)
            let p = try runner.git(args, in: pfad)
            #expect(p.out == g.out, "\(label) \(args)\n--- pfad\n\(p.out)--- git\n\(g.out)", sourceLocation: sourceLocation)
        }
        #expect(try Self.snapshot(pfad) == Self.snapshot(git), "\(label): work trees differ", sourceLocation: sourceLocation)
        let fsck = try runner.git(["fsck", "--strict", "--no-dangling"], in: pfad)
        #expect(fsck.status == 0, "\(label): \(fsck.err)", sourceLocation: sourceLocation)
    }

    /// Every path below `root` (without `.git`) with its kind, executable bit and content.
    static func snapshot(_ root: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? root.path : root.path + "/" + relative
            for name in try fm.contentsOfDirectory(atPath: full) where !(relative.isEmpty && name == ".git") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let attributes = try fm.attributesOfItem(atPath: root.path + "/" + path)
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory {
                    out[path + "/"] = "dir"
                    try walk(path)
                } else if type == .typeSymbolicLink {
                    out[path] = "link " + (try fm.destinationOfSymbolicLink(atPath: root.path + "/" + path))
                } else {
                    let perms = (attributes[.posixPermissions] as? Int ?? 0) & 0o100 != 0 ? "x " : "- "
                    out[path] = perms + String(decoding: fm.contents(atPath: root.path + "/" + path) ?? Data(), as: UTF8.self)
                }
            }
        }
        try walk("")
        return out
    }
}

/// switch, checkout and restore compared with git 2.39 on copies of one repository.
@Suite struct CheckoutInteropTests {
    /// Without an index (as after `clone --no-checkout`) `checkout main` and
    /// `switch main` fill the work tree as git's initial checkout does; an
    /// untracked file in the way stops both, and `switch -c` leaves the
    /// work tree alone in both.
    @Test func initialCheckoutWithoutAnIndexFillsTheWorkTree() throws {
        for args in [["checkout", "main"], ["switch", "main"], ["checkout", "-q", "umbau"], ["switch", "-c", "neu"]] {
            let twin = try CheckoutTwin.make()
            try twin.each { root in
                try FileManager.default.removeItem(at: root.appendingPathComponent(".git/index"))
                for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where name != ".git" {
                    try FileManager.default.removeItem(at: root.appendingPathComponent(name))
                }
            }
            let (g, p) = try twin.both(args)
            #expect(p.status == g.status, "\(args): \(p.err)")
            try twin.expectSameState("\(args)")
        }
        let blocked = try CheckoutTwin.make()
        try blocked.each { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent(".git/index"))
            try Fixtures.write(root, "README.md", "anders\n")
        }
        let (g, p) = try blocked.both(["checkout", "main"])
        #expect(g.status != 0)
        #expect(p.status != 0)
        try blocked.expectSameState("blocked")
    }

    @Test func aBranchNameOfOneRemoteBecomesATrackingBranch() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "guess")
        let origin = dir.appendingPathComponent("origin")
        try runner.git(["init", "-q", "-b", "main", origin.path], in: dir)
        try Fixtures.write(origin, "a.md", "a\n")
        try runner.git(["add", "a.md"], in: origin)
        try runner.git(["commit", "-q", "-m", "a"], in: origin)
        try runner.git(["branch", "olpe"], in: origin)
        for command in ["switch", "checkout"] {
            let g = dir.appendingPathComponent("g-\(command)"), p = dir.appendingPathComponent("p-\(command)")
            try runner.git(["clone", "-q", origin.path, g.path], in: dir)
            _ = try runner.run(executable: "/bin/cp", ["-a", g.path, p.path], in: dir)
            let gr = try runner.git([command, "olpe"], in: g)
            let pr = try runner.pfad([command, "olpe"], in: p)
            #expect(pr.status == gr.status, "\(command)")
            #expect(pr.out == gr.out, "\(command)")
            #expect(pr.err == gr.err, "\(command)")
            for args in [["config", "--list", "--local"], ["reflog", "show", "olpe"], ["reflog", "show", "HEAD"], ["status", "--porcelain", "-b"]] {
                #expect(try runner.git(args, in: p).out == runner.git(args, in: g).out, "\(command) \(args)")
            }
        }
    }

    @Test func dashAndPreviousCheckoutsFollowTheReflog() throws {
        let twin = try CheckoutTwin.make()
        for args in [["switch", "-"], ["checkout", "-"], ["rev-parse", "--abbrev-ref", "@{-1}"],
                     ["rev-parse", "--symbolic-full-name", "@{-1}"], ["switch", "@{-1}"], ["checkout", "@{-2}"]] {
            let (g, p) = try twin.both(args)
            #expect(p.out == g.out, "\(args)")
            #expect(p.err == g.err.replacingOccurrences(of: "git switch", with: "pfad switch"), "\(args)")
            try twin.expectSameState("\(args)")
        }
        let fresh = try TempDir.make(prefix: "previous")
        try twin.runner.git(["init", "-q", "-b", "main"], in: fresh)
        try Fixtures.write(fresh, "a.md", "a\n")
        try twin.runner.git(["add", "a.md"], in: fresh)
        try twin.runner.git(["commit", "-q", "-m", "a"], in: fresh)
        for args in [["switch", "-"], ["checkout", "-"]] {
            let g = try twin.runner.git(args, in: fresh)
            let p = try twin.runner.pfad(args, in: fresh)
            #expect(p.status == g.status, "\(args)")
            #expect(p.err == g.err, "\(args)")
        }
    }

    @Test func switchingBranchesLeavesTheSameState() throws {
        let twin = try CheckoutTwin.make()
        var r = try twin.both(["switch", "umbau"])
        #expect(r.pfad.out == r.git.out)
        try twin.expectSameState("switch umbau")
        r = try twin.both(["checkout", "main"])
        try twin.expectSameState("checkout main")
        // Local change to a file both branches share is carried over and listed.
        try twin.each { try Fixtures.write($0, "Leitfäden/Über uns.md", "lokal geändert\n") }
        r = try twin.both(["switch", "umbau"])
        #expect(r.pfad.out == r.git.out)
        try twin.expectSameState("switch with a carried change")
        r = try twin.both(["switch", "-c", "neu", "main"])
        try twin.expectSameState("switch -c")
        r = try twin.both(["checkout", "-b", "noch-einer"])
        try twin.expectSameState("checkout -b")
        r = try twin.both(["checkout", "-q", "umbau~1"])
        try twin.expectSameState("detached")
        r = try twin.both(["switch", "--detach", "umbau"])
        try twin.expectSameState("switch --detach")
        r = try twin.both(["checkout", "-f", "main"])
        try twin.expectSameState("checkout -f")
        let g = try twin.runner.git(["reflog", "-n", "20", "--format=%gs"], in: twin.git)
        let p = try twin.runner.git(["reflog", "-n", "20", "--format=%gs"], in: twin.pfad)
        #expect(p.out == g.out, "reflog\n--- pfad\n\(p.out)--- git\n\(g.out)")
    }

    @Test func refusalsMatchGit() throws {
        let twin = try CheckoutTwin.make()
        // A local change to a file that differs between the branches.
        try twin.each { try Fixtures.write($0, "README.md", "lokal\n") }
        var r = try twin.both(["switch", "umbau"])
        #expect(r.pfad.status == 1)
        #expect(r.pfad.err == r.git.err.replacingOccurrences(of: "git", with: "pfad"))
        try twin.expectSameState("refused switch")
        // An untracked file where the other branch has one.
        try twin.each {
            try Fixtures.write($0, "README.md", "# Leitfäden aus Südwestfalen\n\nSammlung der Pioniergemeinden.\n")
            try Fixtures.write($0, "Neu/Tief/Datei.txt", "unversioniert\n")
        }
        r = try twin.both(["checkout", "umbau"])
        #expect(r.pfad.err == r.git.err)
        try twin.expectSameState("refused checkout (untracked)")
        r = try twin.both(["switch", "gibt-es-nicht"])
        #expect(r.pfad.status == 128)
    }

    @Test func restoringPathsMatchesGit() throws {
        let twin = try CheckoutTwin.make()
        try twin.each {
            try Fixtures.write($0, "README.md", "lokal\n")
            try Fixtures.write($0, "Leitfäden/Über uns.md", "lokal\n")
            try Fixtures.remove($0, "daten/leer.txt")
        }
        try twin.both(["add", "Leitfäden/Über uns.md"])
        try twin.both(["restore", "README.md", "daten"])
        try twin.expectSameState("restore")
        try twin.both(["restore", "--staged", "Leitfäden"])
        try twin.expectSameState("restore --staged")
        try twin.both(["checkout", "--", "Leitfäden/Über uns.md"])
        try twin.expectSameState("checkout -- path")
        try twin.both(["checkout", "umbau", "--", "Olpe", "README.md"])
        try twin.expectSameState("checkout REV -- paths")
        try twin.both(["restore", "--source", "main", "--staged", "--worktree", "Olpe", "README.md"])
        try twin.expectSameState("restore --source --staged --worktree")
        let r = try twin.both(["restore", "gibt-es-nicht"])
        #expect(r.pfad.err == r.git.err)
    }

    /// Trees that would write outside the work tree or into `.git`, made with
    /// git itself (`mktree --missing`, `commit-tree`): git and pfad both refuse.
    @Test func hostileTreesAreRefused() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "hostile")
        let g = dir.appendingPathComponent("g")
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        try Fixtures.write(g, "a", "a\n")
        try runner.git(["add", "a"], in: g)
        try runner.git(["commit", "-q", "-m", "a"], in: g)
        let blob = try runner.git(["hash-object", "-w", "--stdin"], in: g, stdin: Array("böse\n".utf8)).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let link = try runner.git(["hash-object", "-w", "--stdin"], in: g, stdin: Array(outside.path.utf8)).out.trimmingCharacters(in: .whitespacesAndNewlines)
        func mktree(_ lines: [String]) throws -> String {
            let r = try runner.git(["mktree", "--missing"], in: g, stdin: Array((lines.joined(separator: "\n") + "\n").utf8))
            return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let config = try mktree(["100644 blob \(blob)\tconfig"])
        let inner = try mktree(["100644 blob \(blob)\tx"])
        let trees = [
            try mktree(["040000 tree \(config)\t.GIT"]),
            try mktree(["040000 tree \(config)\t.Git"]),
            try mktree(["040000 tree \(config)\t.git"]),
            try mktree(["100644 blob \(blob)\ta", "040000 tree \(try mktree(["040000 tree \(config)\t.gIt"]))\tsub"]),
        ]
        // git 2.39 checks this one out with exit 0 (writing nothing through
        // the link, observed by hand); pfad refuses it outright.
        let linkTree = try mktree(["120000 blob \(link)\tlink", "040000 tree \(inner)\tlink"])
        for tree in trees + [linkTree] where !tree.isEmpty {
            let commit = try runner.git(["commit-tree", tree, "-m", "böse"], in: g).out.trimmingCharacters(in: .whitespacesAndNewlines)
            let p = try runner.pfad(["checkout", "-q", commit], in: g)
            #expect(p.status != 0, "tree \(tree) was accepted")
            #expect(p.err.split(separator: "\n").count == 1, "one-line error: \(p.err)")
            #expect(p.err.contains("invalid path") || p.err.contains("error"), "\(p.err)")
            if tree != linkTree {
                let gr = try runner.git(["checkout", "-q", commit], in: g)
                #expect(gr.status != 0)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try CheckoutTwin.snapshot(g) == ["a": "- a\n"])
        #expect(try runner.git(["rev-parse", "--abbrev-ref", "HEAD"], in: g).out == "main\n")
    }
}
