import Foundation
import Testing

/// Shared helpers: a fixture made by one shell script driving git, copied
/// into a git twin and a pfad twin, and comparisons of the two afterwards.
struct MergeTwins {
    let runner: CommandRunner
    let git: URL
    let pfad: URL

    /// Runs `script` (sh, `set -e`, git with `gc.auto=0`) in a fresh repository and copies it.
    /// With `lineMerge` (the default) `.git/info/attributes` says `*.md merge=text`, so
    /// pfad merges the fixture's Markdown files line by line as git does (not as guides).
    init(_ script: String, lineMerge: Bool = true) throws {
        runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "merge-twin")
        let g = dir.appendingPathComponent("g")
        try FileManager.default.createDirectory(at: g, withIntermediateDirectories: true)
        let attributes = lineMerge ? "mkdir -p .git/info && printf '*.md merge=text\\n' > .git/info/attributes\n" : ""
        let body = "set -e\ngit init -q -b main .\ngit config gc.auto 0\n" + attributes + script
        let made = try runner.run(executable: "/bin/sh", ["-c", body], in: g)
        #expect(made.status == 0, "fixture: \(made.err)")
        let p = dir.appendingPathComponent("p")
        let copy = try runner.run(executable: "/bin/cp", ["-a", g.path, p.path], in: dir)
        #expect(copy.status == 0, "\(copy.err)")
        git = g
        pfad = p
    }

    /// Runs the same arguments with git in the git twin and pfad in the pfad twin.
    @discardableResult
    func both(_ args: [String]) throws -> (git: ProcessResult, pfad: ProcessResult) {
        let g = try runner.git(args, in: git)
        let p = try runner.pfad(args, in: pfad)
        #expect(p.status == g.status, "\(args): pfad \(p.status) \(p.err) / git \(g.status) \(g.err)")
        return (g, p)
    }

    /// The same git command's output in both twins (read with git, so both are judged alike).
    func sameGitOutput(_ args: [String], _ comment: Comment? = nil) throws {
        let g = try runner.git(args, in: git)
        let p = try runner.git(args, in: pfad)
        #expect(p.status == g.status, "\(args)")
        #expect(p.out == g.out, "git \(args.joined(separator: " ")) differs")
    }

    /// Every work-tree file (not .git) with its bytes.
    static func files(_ root: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return out }
        while let rel = walker.nextObject() as? String {
            if rel == ".git" || rel.hasPrefix(".git/") { walker.skipDescendants(); continue }
            var isDir: ObjCBool = false
            let full = root.appendingPathComponent(rel).path
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = Array(fm.contents(atPath: full) ?? Data())
            }
        }
        return out
    }

    /// Work trees byte-identical.
    func sameWorkTrees() throws {
        #expect(try Self.files(pfad) == Self.files(git))
    }
}

/// `merge` compared with git 2.39 on the same repositories.
@Suite struct MergeInteropTests {
    static let divergent = """
        printf '# Arnsberg\\n\\nEinleitung\\n\\nAbschnitt 1\\nAbschnitt 2\\nAbschnitt 3\\nAbschnitt 4\\n\\nSchluss\\n' > arnsberg.md
        mkdir -p olpe && echo 'Olpe am See' > olpe/see.md && echo 'alt' > alt.md && echo 'run' > bau.sh
        git add -A && git commit -q -m 'Grundstand'
        git checkout -q -b soest
        sed -i 's/Abschnitt 4/Abschnitt 4 (Soest)/' arnsberg.md
        echo 'Soester Börde' > soest.md && git rm -q alt.md && chmod +x bau.sh
        git add -A && git commit -q -m 'Soest ergänzt'
        git checkout -q -b weiter
        echo 'mehr' >> soest.md && git commit -q -a -m 'Soest weiter'
        git checkout -q main
        sed -i 's/Einleitung/Einleitung (Menden)/' arnsberg.md
        mkdir -p menden && echo 'Menden' > menden/stadt.md
        git add -A && git commit -q -m 'Menden ergänzt'
        """

    @Test func cleanMergeGivesGitsCommitOutputAndReflog() throws {
        let t = try MergeTwins(Self.divergent)
        let (g, p) = try t.both(["merge", "soest"])
        #expect(p.out == g.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}", "ORIG_HEAD"])
        try t.sameGitOutput(["reflog", "-2", "--format=%H %gs"])
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
        let fsck = try t.runner.git(["fsck", "--strict"], in: t.pfad)
        #expect(fsck.status == 0, "\(fsck.err)")
        // Quiet merges print what git prints with -q (the messages only).
        for root in [t.git, t.pfad] { try t.runner.git(["reset", "-q", "--hard", "HEAD~1"], in: root) }
        let quiet = try t.both(["merge", "-q", "soest"])
        #expect(quiet.pfad.out == quiet.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD"])
        // Merging again: already up to date in both.
        let again = try t.both(["merge", "soest"])
        #expect(again.pfad.out == again.git.out)
    }

    @Test func sha256RepositoryMergesAsGit() throws {
        let t = try MergeTwins("rm -rf .git && git init -q -b main --object-format=sha256 . && git config gc.auto 0\n" + Self.conflicting)
        let r = try t.both(["merge", "side"])
        #expect(r.git.status == 1)
        #expect(r.pfad.out == r.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameWorkTrees()
        for root in [t.git, t.pfad] {
            try Fixtures.write(root, "c.txt", "beide c\n")
            try Fixtures.write(root, "n.txt", "ours\ntheirs\n")
            try t.runner.git(["add", "c.txt", "n.txt", "m.txt"], in: root)
        }
        #expect(try t.runner.git(["commit", "-q", "--no-edit"], in: t.git).status == 0)
        #expect(try t.runner.pfad(["commit", "-q"], in: t.pfad).status == 0)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}"])
        #expect(try t.runner.git(["fsck", "--strict"], in: t.pfad).status == 0)
    }

    @Test func fastForwardNoFastForwardAndFastForwardOnly() throws {
        let t = try MergeTwins(Self.divergent + "\ngit checkout -q soest\n")
        let ff = try t.both(["merge", "weiter"])
        #expect(ff.pfad.out == ff.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "ORIG_HEAD"])
        try t.sameGitOutput(["reflog", "-1", "--format=%gs"])
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameWorkTrees()
        // --ff-only where history diverged: refused by both (exit 128).
        let only = try t.both(["merge", "--ff-only", "main"])
        #expect(only.pfad.status == 128)
        // --no-ff with an explicit message: the same merge commit.
        for root in [t.git, t.pfad] { try t.runner.git(["checkout", "-q", "-b", "zweig", "main~1"], in: root) }
        let noff = try t.both(["merge", "--no-ff", "-m", "Menden übernommen", "main"])
        #expect(noff.pfad.out == noff.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^1", "HEAD^2"])
        try t.sameGitOutput(["reflog", "-1", "--format=%gs"])
    }

    static let conflicting = """
        seq 1 9 > a.txt && echo keep > c.txt && echo del > d.txt && echo mod > m.txt && echo run > x.sh
        git add -A && git commit -q -m base
        git checkout -q -b side
        sed -i 's/^8$/eight/' a.txt && echo 'mod theirs' > m.txt && echo theirs > n.txt && echo 'theirs c' > c.txt
        git rm -q d.txt && chmod +x x.sh && git add -A && git commit -q -m side
        git checkout -q main
        sed -i 's/^2$/two/' a.txt && git rm -q m.txt && echo ours > n.txt && echo 'ours c' > c.txt
        git add -A && git commit -q -m ours
        """

    /// Conflicts: same exit code, output, stages, markers, state files; git
    /// status/diff read pfad's state as their own.
    private func compareConflictState(_ t: MergeTwins) throws {
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameGitOutput(["diff"])
        try t.sameGitOutput(["rev-parse", "MERGE_HEAD", "ORIG_HEAD"])
        try t.sameWorkTrees()
        let msg = { (root: URL) in FileManager.default.contents(atPath: root.appendingPathComponent(".git/MERGE_MSG").path) }
        #expect(msg(t.pfad) == msg(t.git))
    }

    @Test func conflictedMergeStartedByPfadIsFinishedByGitAndViceVersa() throws {
        let t = try MergeTwins(Self.conflicting)
        let (g, p) = try t.both(["merge", "side"])
        #expect(g.status == 1)
        #expect(p.out == g.out)
        try compareConflictState(t)
        // Resolve identically; git commits pfad's merge, pfad commits git's.
        for root in [t.git, t.pfad] {
            try Fixtures.write(root, "c.txt", "beide c\n")
            try Fixtures.write(root, "n.txt", "ours\ntheirs\n")
        }
        for (root, tool) in [(t.pfad, "git"), (t.git, "pfad")] {
            let run = { (args: [String]) in tool == "git" ? try t.runner.git(args, in: root) : try t.runner.pfad(args, in: root) }
            #expect(try run(["add", "c.txt", "n.txt"]).status == 0)
            #expect(try run(["rm", "-q", "m.txt"]).status == 0)
            let commit = try run(tool == "git" ? ["commit", "-q", "--no-edit"] : ["commit", "-q"])
            #expect(commit.status == 0, "\(tool) commit: \(commit.err)")
        }
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^1", "HEAD^2"])
        try t.sameGitOutput(["log", "-1", "--format=%B"])
        try t.sameGitOutput(["reflog", "-1", "--format=%gs"])
        for root in [t.git, t.pfad] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".git/MERGE_HEAD").path))
        }
    }

    @Test func mergeContinueCommitsTheResolvedMerge() throws {
        let t = try MergeTwins(Self.conflicting)
        try t.both(["merge", "side"])
        for root in [t.git, t.pfad] {
            try Fixtures.write(root, "c.txt", "beide c\n")
            try Fixtures.write(root, "n.txt", "ours\ntheirs\n")
            try t.runner.git(["add", "c.txt", "n.txt", "m.txt"], in: root)
        }
        let g = try t.runner.git(["merge", "--continue"], in: t.git, env: ["GIT_EDITOR": "true"])
        let p = try t.runner.pfad(["merge", "--continue"], in: t.pfad)
        #expect(g.status == 0, "\(g.err)")
        #expect(p.status == 0, "\(p.err)")
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^2"])
        try t.sameGitOutput(["status", "--porcelain"])
        // Nothing left to continue.
        try t.both(["merge", "--continue"])
    }

    @Test func mergeAbortRestoresThePreMergeState() throws {
        let t = try MergeTwins(Self.conflicting)
        let before = try MergeTwins.files(t.pfad)
        try t.both(["merge", "side"])
        let abort = try t.both(["merge", "--abort"])
        #expect(abort.pfad.status == 0)
        #expect(try MergeTwins.files(t.pfad) == before)
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameGitOutput(["ls-files", "-s"])
        #expect(try t.runner.git(["status", "--porcelain"], in: t.pfad).out.isEmpty)
        // No merge in progress: both fail alike.
        try t.both(["merge", "--abort"])
    }

    @Test func localChangesInTheWayStopBoth() throws {
        let t = try MergeTwins(Self.conflicting)
        for root in [t.git, t.pfad] { try Fixtures.write(root, "c.txt", "lokal\n") }
        let r = try t.both(["merge", "side"])
        #expect(r.pfad.status == 2)
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
    }

    /// Criss-cross history: two merge bases, merged into a virtual base.
    @Test func crissCrossMergeMatchesGit() throws {
        let t = try MergeTwins("""
            printf 'eins\\nzwei\\ndrei\\nvier\\nfünf\\nsechs\\nsieben\\n' > f.md && git add f.md && git commit -q -m root
            git checkout -q -b b
            sed -i 's/zwei/ZWEI/' f.md && git commit -q -a -m b1
            git checkout -q main
            sed -i 's/sechs/SECHS/' f.md && git commit -q -a -m a1
            git checkout -q -b a2 main && git merge -q --no-edit b
            git checkout -q b && git merge -q --no-edit main
            sed -i 's/vier/VIER (b)/' f.md && git commit -q -a -m b3
            git checkout -q a2 && echo neu > neu.md && git add neu.md && git commit -q -m a3
            """)
        let r = try t.both(["merge", "b"])
        #expect(r.pfad.out == r.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}"])
        try t.sameWorkTrees()
    }
}

/// Criss-cross whose two merge bases conflict with each other: the virtual
/// base keeps the inner conflict; the outer merge compared with git's.
@Suite struct MergeVirtualBaseInteropTests {
    @Test func conflictingMergeBasesGiveGitsResult() throws {
        let t = try MergeTwins("""
            printf 'kopf\\nmitte\\nfuss\\n' > f.md && git add f.md && git commit -q -m root
            git checkout -q -b b && sed -i 's/mitte/MITTE B/' f.md && git commit -q -a -m b1
            git checkout -q main && sed -i 's/mitte/MITTE A/' f.md && git commit -q -a -m a1
            git checkout -q -b a2 main && (git merge -q --no-edit b || true) && printf 'kopf\\nMITTE A\\nfuss\\n' > f.md && git commit -q -a --no-edit
            git checkout -q b && (git merge -q --no-edit main || true) && printf 'kopf\\nMITTE B\\nfuss\\n' > f.md && git commit -q -a --no-edit
            echo b3 > b3.md && git add b3.md && git commit -q -m b3
            git checkout -q a2 && echo a3 > a3.md && git add a3.md && git commit -q -m a3
            """)
        let r = try t.both(["merge", "b"])
        #expect(r.pfad.out == r.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
    }
}

/// Renames on one side followed as git's `ort` follows them.
@Suite struct MergeRenameInteropTests {
    static let renamed = """
        seq 1 20 > a.txt && echo bleibt > keep.md && git add -A && git commit -q -m base
        git checkout -q -b side && sed -i 's/^3$/three/' a.txt && git commit -q -a -m s
        git checkout -q -b quer main && sed -i 's/^3$/DREI/' a.txt && git commit -q -a -m q
        git checkout -q main && git mv a.txt b.txt && sed -i 's/^18$/eighteen/' b.txt && git commit -q -a -m ren
        git checkout -q -b umbenannt && sed -i 's/^3$/drei/' b.txt && git commit -q -a -m u && git checkout -q main
        """

    @Test func renameOnOneSideTakesTheOtherSidesChange() throws {
        let t = try MergeTwins(Self.renamed)
        let r = try t.both(["merge", "side"])
        #expect(r.pfad.out == r.git.out)
        try t.sameGitOutput(["rev-parse", "HEAD", "HEAD^{tree}"])
        try t.sameWorkTrees()
        // The other direction: their rename, our change.
        for root in [t.git, t.pfad] { try t.runner.git(["checkout", "-q", "quer"], in: root) }
        let back = try t.both(["merge", "main"])
        #expect(back.pfad.out == back.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
    }

    /// A conflict in a renamed file: stages at the new path, markers labelled `HEAD:b.txt` / `side:a.txt`.
    @Test func conflictInARenamedFileIsLabelledWithPaths() throws {
        let t = try MergeTwins(Self.renamed + "\ngit checkout -q umbenannt\n")
        let r = try t.both(["merge", "side"])
        #expect(r.git.status == 1)
        #expect(r.pfad.out == r.git.out)
        try t.sameGitOutput(["ls-files", "-s"])
        try t.sameGitOutput(["status", "--porcelain"])
        try t.sameWorkTrees()
    }
}
