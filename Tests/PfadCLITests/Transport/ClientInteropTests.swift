import Foundation
import Testing

/// `pfad clone/fetch/pull/push/ls-remote/remote` against repositories
/// served by real git (`git upload-pack`/`git receive-pack` over pipes,
/// paths and `file://` URLs), compared with what git itself does. Every
/// process runs under `timeout`, so no test can hang.
@Suite(.serialized) struct ClientInteropTests {
    let runner: CommandRunner
    let root: URL

    init() throws {
        runner = try CommandRunner()
        root = try TempDir.make(prefix: "client-interop")
    }

    /// Makes `src` (non-bare, three commits on main, a side branch, an
    /// annotated and a light tag) with one shell script.
    func makeSource() throws -> URL {
        let script = """
            set -e
            git init -q -b main src && cd src && git config gc.auto 0
            mkdir -p arnsberg soest
            echo 'Sauerland-Führer' > arnsberg/guide.md; git add .; git commit -qm 'Arnsberg guide'
            echo 'Soester Börde' > soest/guide.md; git add .; git commit -qm 'Soest guide'
            git tag -a v1 -m 'Release 1'
            git checkout -qb side; echo 'Olpe' > olpe.md; git add .; git commit -qm 'Olpe'; git tag light
            git checkout -q main; echo 'Menden' >> arnsberg/guide.md; git commit -qam 'Menden addition'
            """
        let made = try sh(script)
        #expect(made.status == 0, "\(made.err)")
        return root.appendingPathComponent("src")
    }

    @discardableResult
    func sh(_ script: String, in dir: URL? = nil) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", "/bin/sh", "-c", script], in: dir ?? root)
    }

    @discardableResult
    func pfad(_ args: [String], in dir: URL? = nil, env: [String: String] = [:]) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.pfadPath] + args, in: dir ?? root, env: env)
    }

    @discardableResult
    func git(_ args: [String], in dir: URL? = nil) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.gitPath] + args, in: dir ?? root)
    }

    func fsck(_ dir: URL) throws {
        let result = try git(["fsck", "--strict", "--no-progress"], in: dir)
        #expect(result.status == 0, "fsck \(dir.lastPathComponent): \(result.out) \(result.err)")
    }

    func refs(_ dir: URL) throws -> String {
        try git(["for-each-ref", "--format=%(objectname) %(refname) %(symref)"], in: dir).out
    }

    /// The repository's own config as git lists it, without the one line
    /// pfad adds on purpose (`core.quotepath=false`, so German names show
    /// as written; see Spec/differences-from-git.md).
    func config(_ dir: URL) throws -> String {
        try git(["config", "--list", "--local"], in: dir).out
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0 != "core.quotepath=false" }
            .joined(separator: "\n")
    }

    /// `path`/`file`: git's upload-pack serves; `own`: pfad's `upload-pack`.
    @Test(arguments: ["path", "file", "own"])
    func cloneMatchesGitClone(_ mode: String) throws {
        let src = try makeSource()
        var pfadArgs = ["clone", "-q", "--no-local"] + (mode == "own" ? [] : ["--upload-pack", "git upload-pack"])
        var gitArgs = ["clone", "-q", "--no-local"]
        let source = mode == "file" ? "file://" + src.path : "src"
        pfadArgs += [source, "p"]
        gitArgs += [source, "g"]
        let p = try pfad(pfadArgs)
        #expect(p.status == 0, "\(p.err)")
        #expect(try git(gitArgs).status == 0)
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        try fsck(pdir)
        try fsck(src)
        #expect(try refs(pdir) == refs(gdir))
        #expect(try config(pdir) == config(gdir))
        #expect(try git(["status", "--porcelain"], in: pdir).out == "")
        for ref in ["HEAD", "refs/heads/main", "refs/remotes/origin/HEAD", "refs/remotes/origin/side"] {
            let args = ["reflog", "show", "--format=%H %gs", ref, "--"]
            #expect(try git(args, in: pdir).out.replacingOccurrences(of: "file://", with: "")
                == git(args, in: gdir).out.replacingOccurrences(of: "file://", with: ""), "reflog of \(ref)")
        }
        #expect(try git(["rev-parse", "HEAD", "HEAD:arnsberg/guide.md"], in: pdir).out
            == git(["rev-parse", "HEAD", "HEAD:arnsberg/guide.md"], in: gdir).out)
        #expect(try String(contentsOf: pdir.appendingPathComponent("arnsberg/guide.md"), encoding: .utf8) == "Sauerland-Führer\nMenden\n")
    }

    @Test func bareCloneAndBranchOption() throws {
        _ = try makeSource()
        #expect(try pfad(["clone", "-q", "--bare", "--upload-pack", "git upload-pack", "src", "pb.git"]).status == 0)
        #expect(try git(["clone", "-q", "--bare", "--no-local", "src", "gb.git"]).status == 0)
        let pb = root.appendingPathComponent("pb.git")
        try fsck(pb)
        #expect(try refs(pb) == refs(root.appendingPathComponent("gb.git")))
        #expect(try config(pb) == config(root.appendingPathComponent("gb.git")))
        #expect(try pfad(["clone", "-q", "-b", "side", "--upload-pack", "git upload-pack", "src", "ps"]).status == 0)
        #expect(try git(["clone", "-q", "-b", "side", "--no-local", "src", "gs"]).status == 0)
        #expect(try config(root.appendingPathComponent("ps")) == config(root.appendingPathComponent("gs")))
        #expect(try git(["symbolic-ref", "HEAD"], in: root.appendingPathComponent("ps")).out == "refs/heads/side\n")
        // A missing branch: git's message, and no directory left behind.
        let bad = try pfad(["clone", "-b", "nope", "--upload-pack", "git upload-pack", "src", "px"])
        #expect(bad.status == 128)
        #expect(bad.err.contains("fatal: Remote branch nope not found in upstream origin"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("px").path))
    }

    @Test func emptyRepositoryCloneWarns() throws {
        #expect(try git(["init", "-q", "--bare", "-b", "main", "empty.git"]).status == 0)
        let p = try pfad(["clone", "--upload-pack", "git upload-pack", "empty.git", "pe"])
        let g = try git(["clone", "--no-local", "empty.git", "ge"])
        #expect(p.status == g.status)
        #expect(p.err == g.err.replacingOccurrences(of: "'ge'", with: "'pe'"))
    }

    @Test func fetchUpdatesTrackingRefsAndFetchHeadLikeGit() throws {
        let src = try makeSource()
        #expect(try git(["clone", "-q", "--no-local", "src", "p"]).status == 0)
        #expect(try git(["clone", "-q", "--no-local", "src", "g"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        // New commits, a rewritten side branch, a new tag on new history, a new branch.
        try sh("""
            set -e
            echo more >> soest/guide.md; git commit -qam 'More Soest'; git tag -a v2 -m 'Release 2'
            git checkout -q side; git reset -q --hard HEAD~1; echo rewritten > olpe.md; git add .; git commit -qm 'Olpe again'
            git checkout -qb bad-berleburg; echo x > bb.md; git add .; git commit -qm 'Bad Berleburg'; git checkout -q main
            """, in: src)
        try sh("git config remote.origin.uploadpack 'git upload-pack'", in: pdir)
        let p = try pfad(["fetch"], in: pdir)
        let g = try git(["fetch"], in: gdir)
        #expect(p.status == 0 && g.status == 0, "\(p.err)")
        #expect(p.err == g.err)
        try fsck(pdir)
        #expect(try refs(pdir) == refs(gdir))
        #expect(try String(contentsOf: pdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8)
            == String(contentsOf: gdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8))
        #expect(try git(["reflog", "-1", "--format=%gs", "refs/remotes/origin/main"], in: pdir).out == "fetch: fast-forward\n")
        // Nothing new: no pack requested, nothing printed, FETCH_HEAD the same as git's.
        try sh("git config remote.origin.uploadpack 'GIT_TRACE_PACKET=2 git upload-pack'", in: pdir)
        let again = try pfad(["fetch"], in: pdir)
        #expect(again.status == 0)
        #expect(!again.err.contains("want "), "second fetch sent wants: \(again.err)")
        #expect(!again.err.contains("packfile"))
        #expect(try git(["fetch"], in: gdir).status == 0)
        #expect(try String(contentsOf: pdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8)
            == String(contentsOf: gdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8))
    }

    @Test func pruneKeepsTheRemotesHEAD() throws {
        let src = try makeSource()
        #expect(try git(["clone", "-q", "--no-local", "src", "p"]).status == 0)
        #expect(try git(["clone", "-q", "--no-local", "src", "g"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        try sh("git branch -D -q side", in: src)
        let p = try pfad(["fetch", "--prune"], in: pdir)
        let g = try git(["fetch", "--prune"], in: gdir)
        #expect(p.status == g.status)
        #expect(p.err == g.err)
        #expect(try refs(pdir) == refs(gdir))
        #expect(try git(["symbolic-ref", "refs/remotes/origin/HEAD"], in: pdir).out == "refs/remotes/origin/main\n")
    }

    /// Command-line refspecs without destination, a fetch by URL (FETCH_HEAD
    /// only, no tags followed), a ref the server does not have, and a plain
    /// `fetch` with one remote that is not `origin` (git uses it).
    @Test func commandLineFetchesMatchGit() throws {
        let src = try makeSource()
        for name in ["p", "g"] {
            #expect(try git(["init", "-q", "-b", "main", name]).status == 0)
            #expect(try git(["remote", "add", "o", src.path], in: root.appendingPathComponent(name)).status == 0)
        }
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        try sh("git config remote.o.uploadpack 'git upload-pack'", in: pdir)
        for args in [["fetch", "o", "side", "v1"], ["fetch", src.path], ["fetch", "o", "gibt-es-nicht"], ["fetch", "o"], ["fetch"]] {
            var pfadArgs = args
            if args.count > 1, args[1] == src.path { pfadArgs.insert(contentsOf: ["--upload-pack", "git upload-pack"], at: 1) }
            let p = try pfad(pfadArgs, in: pdir)
            let g = try git(args, in: gdir)
            #expect(p.status == g.status, "\(args): \(p.err)")
            #expect(p.err == g.err, "\(args)")
            #expect(try String(contentsOf: pdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8)
                == String(contentsOf: gdir.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8), "\(args)")
            #expect(try refs(pdir) == refs(gdir), "\(args)")
        }
        try fsck(pdir)
    }

    /// `--progress` shows git's "Receiving objects" line with the same
    /// object count git's own clone receives; without a terminal and without
    /// `--progress` nothing is shown.
    @Test func cloneShowsReceivingProgressLikeGit() throws {
        _ = try makeSource()
        let p = try pfad(["clone", "--progress", "--upload-pack", "git upload-pack", "src", "p"])
        let g = try git(["clone", "--progress", "--no-local", "src", "g"])
        #expect(p.status == 0 && g.status == 0, "\(p.err)")
        func final(_ text: String) -> String? {
            text.split(whereSeparator: { $0 == "\r" || $0 == "\n" })
                .last { $0.hasPrefix("Receiving objects: 100% (") }
                .flatMap { $0.split(separator: ",").first.map(String.init) }
        }
        #expect(final(p.err) != nil, "\(p.err)")
        #expect(final(p.err) == final(g.err), "\(p.err)")
        #expect(p.err.contains(", done.\n"))
        let quiet = try pfad(["clone", "--upload-pack", "git upload-pack", "src", "q"])
        #expect(quiet.status == 0)
        #expect(!quiet.err.contains("Receiving objects"))
    }

    @Test func fetchRejectsNonFastForwardWithoutForce() throws {
        let src = try makeSource()
        #expect(try git(["clone", "-q", "--no-local", "src", "p"]).status == 0)
        #expect(try git(["clone", "-q", "--no-local", "src", "g"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        for dir in [pdir, gdir] { #expect(try git(["fetch", "-q", "origin", "side:refs/heads/zz"], in: dir).status == 0) }
        try sh("git checkout -q side && git reset -q --hard HEAD~1 && echo y > y && git add y && git commit -qm y", in: src)
        let p = try pfad(["fetch", "--upload-pack", "git upload-pack", "origin", "side:refs/heads/zz"], in: pdir)
        let g = try git(["fetch", "origin", "side:refs/heads/zz"], in: gdir)
        #expect(p.status == 1 && g.status == 1)
        #expect(p.err == g.err)
        #expect(try refs(pdir) == refs(gdir))
        let forced = try pfad(["fetch", "-q", "--upload-pack", "git upload-pack", "origin", "+side:refs/heads/zz"], in: pdir)
        #expect(forced.status == 0)
        #expect(try git(["rev-parse", "zz"], in: pdir).out == git(["rev-parse", "side"], in: src).out)
        try fsck(pdir)
    }

    @Test func protocolV0AndOwnUploadPackFallback() throws {
        let src = try makeSource()
        let v0 = ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "protocol.version", "GIT_CONFIG_VALUE_0": "0"]
        let p = try pfad(["clone", "-q", "--upload-pack", "GIT_TRACE_PACKET=2 git upload-pack", "src", "p0"], env: v0)
        #expect(!p.err.contains("version 2"), "v0 expected: \(p.err)")
        #expect(p.status == 0, "\(p.err)")
        #expect(try git(["clone", "-q", "--no-local", "src", "g0"]).status == 0)
        let pdir = root.appendingPathComponent("p0")
        try fsck(pdir)
        #expect(try refs(pdir) == refs(root.appendingPathComponent("g0")))
        try sh("echo v0 > v0.md && git add v0.md && git commit -qm v0", in: src)
        let fetched = try pfad(["fetch", "--upload-pack", "git upload-pack"], in: pdir, env: v0)
        #expect(fetched.status == 0, "\(fetched.err)")
        #expect(try git(["rev-parse", "origin/main"], in: pdir).out == git(["rev-parse", "main"], in: src).out)
        try fsck(pdir)
    }

    @Test func sha256RepositoryClonesAndFetches() throws {
        let made = try sh("""
            set -e
            git init -q -b main --object-format=sha256 s256 && cd s256
            echo 'Bad Berleburg' > guide.md && git add . && git commit -qm one && git tag -a v1 -m v1
            """)
        #expect(made.status == 0, "\(made.err)")
        let p = try pfad(["clone", "-q", "s256", "p256"])
        #expect(p.status == 0, "\(p.err)")
        #expect(try git(["clone", "-q", "--no-local", "s256", "g256"]).status == 0)
        let pdir = root.appendingPathComponent("p256")
        try fsck(pdir)
        #expect(try refs(pdir) == refs(root.appendingPathComponent("g256")))
        #expect(try config(pdir) == config(root.appendingPathComponent("g256")))
        try sh("echo more >> guide.md && git commit -qam two", in: root.appendingPathComponent("s256"))
        #expect(try pfad(["fetch", "-q"], in: pdir).status == 0)
        #expect(try git(["rev-parse", "origin/main"], in: pdir).out == git(["rev-parse", "main"], in: root.appendingPathComponent("s256")).out)
        try fsck(pdir)
    }

    @Test func lsRemoteMatchesGit() throws {
        _ = try makeSource()
        for options in [[], ["--heads"], ["--tags"], ["--symref"]] {
            let p = try pfad(["ls-remote"] + options + ["--upload-pack", "git upload-pack", "src"])
            let g = try git(["ls-remote"] + options + ["src"])
            #expect(p.status == 0)
            #expect(p.out == g.out, "ls-remote \(options)")
        }
    }

    /// Fetches through pfad's own `upload-pack`.
    @Test func pullFastForwardsAndMerges() throws {
        let src = try makeSource()
        #expect(try git(["clone", "-q", "--no-local", "src", "p"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        try sh("echo pulled > pulled.md && git add . && git commit -qm pulled", in: src)
        let ff = try pfad(["pull", "--ff-only", "-q"], in: pdir)
        #expect(ff.status == 0, "\(ff.err)")
        #expect(try git(["rev-parse", "HEAD"], in: pdir).out == git(["rev-parse", "main"], in: src).out)
        // Diverged: a merge commit whose message names the remote branch as git's does.
        try sh("echo remote > r.md && git add . && git commit -qm remote", in: src)
        try sh("echo local > l.md && git add . && git commit -qm local", in: pdir)
        let refused = try pfad(["pull", "--ff-only"], in: pdir)
        #expect(refused.status == 128)
        let merged = try pfad(["pull", "--no-rebase"], in: pdir)
        #expect(merged.status == 0, "\(merged.err)")
        #expect(try git(["log", "-1", "--format=%s%n%P"], in: pdir).out.hasPrefix("Merge branch 'main' of \(src.path)\n"))
        #expect(try git(["rev-parse", "HEAD^2"], in: pdir).out == git(["rev-parse", "main"], in: src).out)
        try fsck(pdir)
    }

    @Test func pushUpdatesCreatesDeletesAndRefuses() throws {
        _ = try makeSource()
        #expect(try git(["clone", "-q", "--bare", "--no-local", "src", "remote.git"]).status == 0)
        #expect(try git(["clone", "-q", "remote.git", "p"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        let remote = root.appendingPathComponent("remote.git")
        try sh("git config remote.origin.receivepack 'git receive-pack' && echo new > new.md && git add . && git commit -qm new", in: pdir)
        let pushed = try pfad(["push", "origin", "main", "HEAD:refs/heads/feature"], in: pdir)
        #expect(pushed.status == 0, "\(pushed.err)")
        #expect(pushed.err.contains("To \(remote.path)\n"))
        #expect(pushed.err.contains(" * [new branch]      HEAD -> feature\n"))
        try fsck(remote)
        try fsck(pdir)
        #expect(try git(["rev-parse", "main", "feature"], in: remote).out == git(["rev-parse", "main", "main"], in: pdir).out)
        #expect(try git(["rev-parse", "origin/main"], in: pdir).out == git(["rev-parse", "main"], in: pdir).out)
        // Nothing to do.
        let again = try pfad(["push", "origin", "main"], in: pdir)
        #expect(again.status == 0)
        #expect(again.err == "Everything up-to-date\n")
        // Deletion.
        let deleted = try pfad(["push", "--delete", "origin", "feature"], in: pdir)
        #expect(deleted.status == 0, "\(deleted.err)")
        #expect(deleted.err.contains(" - [deleted]         feature\n"))
        #expect(try git(["rev-parse", "--verify", "-q", "refs/heads/feature"], in: remote).status == 1)
        // Non-fast-forward: git's lines, exit 1, remote unchanged.
        let before = try refs(remote)
        try sh("git reset -q --hard HEAD~2 && echo other > other.md && git add . && git commit -qm other", in: pdir)
        let rejected = try pfad(["push", "origin", "main"], in: pdir)
        #expect(rejected.status == 1)
        #expect(rejected.err.contains(" ! [rejected]        main -> main (non-fast-forward)\n"))
        #expect(rejected.err.contains("error: failed to push some refs to '\(remote.path)'\n"))
        #expect(rejected.err.contains("hint: Updates were rejected because the tip of your current branch is behind\n"))
        #expect(try refs(remote) == before)
        // Forced.
        let forced = try pfad(["push", "-f", "origin", "main"], in: pdir)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(forced.err.contains("(forced update)"))
        #expect(try git(["rev-parse", "main"], in: remote).out == git(["rev-parse", "main"], in: pdir).out)
        try fsck(remote)
        // Refused by the remote: git's "[remote rejected]" line.
        try sh("git config receive.denyDeletes true", in: remote)
        let denied = try pfad(["push", "origin", ":side"], in: pdir)
        #expect(denied.status == 1)
        #expect(denied.err.contains(" ! [remote rejected] side (deletion prohibited)\n"), "\(denied.err)")
        // Tags, and -u.
        let tags = try pfad(["push", "--tags", "-u", "origin", "main"], in: pdir)
        #expect(tags.status == 0, "\(tags.err)")
        #expect(try git(["config", "branch.main.merge"], in: pdir).out == "refs/heads/main\n")
        try fsck(remote)
    }

    @Test func pushOutputMatchesGitExactly() throws {
        _ = try makeSource()
        for name in ["pt", "gt"] {
            #expect(try git(["clone", "-q", "--bare", "--no-local", "src", "\(name).git"]).status == 0)
            #expect(try git(["clone", "-q", "\(name).git", name]).status == 0)
            try sh("git config remote.origin.receivepack 'git receive-pack' && echo n > n.md && git add . && git commit -qm n",
                   in: root.appendingPathComponent(name))
        }
        let steps: [[String]] = [
            ["push", "origin", "main", "HEAD:refs/heads/arnsberg/neu"],
            ["push", "origin", "main"],
            ["push", "origin", "--delete", "arnsberg/neu"],
            ["push", "-f", "origin", "main~2:main"],
            ["push", "origin", "main"],
        ]
        for step in steps {
            let p = try pfad(step, in: root.appendingPathComponent("pt"))
            let g = try git(step, in: root.appendingPathComponent("gt"))
            #expect(p.status == g.status, "\(step)")
            #expect(p.err == g.err.replacingOccurrences(of: "gt.git", with: "pt.git"), "\(step)")
            #expect(try refs(root.appendingPathComponent("pt.git")) == refs(root.appendingPathComponent("gt.git")), "\(step)")
            #expect(try refs(root.appendingPathComponent("pt")) == refs(root.appendingPathComponent("gt")), "\(step)")
        }
        try fsck(root.appendingPathComponent("pt.git"))
    }

    @Test func atomicPushRefusesEverythingLikeGit() throws {
        _ = try makeSource()
        for name in ["pa", "ga"] {
            #expect(try git(["clone", "-q", "--bare", "--no-local", "src", "\(name).git"]).status == 0)
            #expect(try git(["clone", "-q", "\(name).git", name]).status == 0)
            try sh("git config remote.origin.receivepack 'git receive-pack' && git reset -q --hard HEAD~1 && echo w > w && git add w && git commit -qm w",
                   in: root.appendingPathComponent(name))
        }
        let before = try refs(root.appendingPathComponent("pa.git"))
        let p = try pfad(["push", "--atomic", "origin", "main", "HEAD:refs/heads/newx"], in: root.appendingPathComponent("pa"))
        let g = try git(["push", "--atomic", "origin", "main", "HEAD:refs/heads/newx"], in: root.appendingPathComponent("ga"))
        #expect(p.status == g.status)
        #expect(p.err == g.err.replacingOccurrences(of: "ga.git", with: "pa.git"))
        #expect(try refs(root.appendingPathComponent("pa.git")) == before)
    }

    /// Pushes through pfad's own `receive-pack`.
    @Test func pushThroughOwnReceivePack() throws {
        _ = try makeSource()
        #expect(try git(["clone", "-q", "--bare", "--no-local", "src", "own.git"]).status == 0)
        #expect(try git(["clone", "-q", "own.git", "p"]).status == 0)
        let pdir = root.appendingPathComponent("p")
        let remote = root.appendingPathComponent("own.git")
        try sh("echo Olpe > olpe2.md && git add . && git commit -qm 'Olpe 2' && git tag -a v3 -m v3", in: pdir)
        let pushed = try pfad(["push", "--tags", "origin", "main", "main:refs/heads/olpe/neu"], in: pdir)
        #expect(pushed.status == 0, "\(pushed.err)")
        try fsck(remote)
        #expect(try git(["rev-parse", "main", "olpe/neu", "v3"], in: remote).out
            == git(["rev-parse", "main", "main", "v3"], in: pdir).out)
        let before = try refs(remote)
        try sh("git reset -q --hard HEAD~1 && echo x > x.md && git add . && git commit -qm x", in: pdir)
        let rejected = try pfad(["push", "origin", "main"], in: pdir)
        #expect(rejected.status == 1)
        #expect(rejected.err.contains(" ! [rejected]        main -> main (non-fast-forward)\n"))
        #expect(try refs(remote) == before)
    }

    @Test func remoteAddListRemove() throws {
        _ = try makeSource()
        for tool in ["p", "g"] {
            #expect(try git(["init", "-q", "-b", "main", tool]).status == 0)
        }
        let pdir = root.appendingPathComponent("p")
        let gdir = root.appendingPathComponent("g")
        for (args, _) in [(["remote", "add", "origin", "../src"], 0), (["remote", "add", "other", "file:///x/y.git"], 0)] {
            #expect(try pfad(args, in: pdir).status == 0)
            #expect(try git(args, in: gdir).status == 0)
        }
        #expect(try config(pdir) == config(gdir))
        #expect(try pfad(["remote", "-v"], in: pdir).out == git(["remote", "-v"], in: gdir).out)
        #expect(try pfad(["remote"], in: pdir).out == git(["remote"], in: gdir).out)
        let duplicate = try pfad(["remote", "add", "origin", "x"], in: pdir)
        #expect(duplicate.status == 3)
        #expect(try duplicate.err == git(["remote", "add", "origin", "x"], in: gdir).err)
        for dir in [pdir, gdir] {
            #expect(try git(["config", "branch.main.remote", "origin"], in: dir).status == 0)
            #expect(try git(["config", "branch.main.merge", "refs/heads/main"], in: dir).status == 0)
        }
        #expect(try pfad(["fetch", "-q", "--upload-pack", "git upload-pack", "origin"], in: pdir).status == 0)
        #expect(try pfad(["remote", "remove", "origin"], in: pdir).status == 0)
        #expect(try git(["remote", "remove", "origin"], in: gdir).status == 0)
        #expect(try config(pdir) == config(gdir))
        #expect(try !refs(pdir).contains("refs/remotes/"))
        #expect(try refs(pdir).contains("refs/tags/v1"))
    }
}
