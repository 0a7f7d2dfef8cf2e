import PfadTestSupport
import Foundation
import Testing

/// git is the oracle: object ids, object contents and tree listings must be
/// byte-identical between pfad and git on the same repository.
@Suite struct ObjectInteropTests {
    @Test(arguments: ["sha1", "sha256"])
    func hashObjectMatchesGitForRandomFiles(format: String) throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "hash")
        try runner.git(["init", "-q", "--object-format=\(format)", "g"], in: dir)
        let pfadInit = try runner.pfad(["init", "-q", "--object-format=\(format)", "p"], in: dir)
        #expect(pfadInit.status == 0, "\(pfadInit.err)")
        let g = dir.appendingPathComponent("g"), p = dir.appendingPathComponent("p")
        var rng = SeededGenerator(seed: format == "sha1" ? 1 : 256)
        var names: [String] = []
        for i in 0..<60 {
            let size = [0, 1, 7, 100, 4096, 70_000][i % 6] + Int.random(in: 0..<50, using: &rng)
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let name = "datei-\(i)-ä.bin"
            try Fixtures.write(g, name, bytes)
            try Fixtures.write(p, name, bytes)
            names.append(name)
        }
        let expected = try runner.git(["hash-object"] + names, in: g)
        let actual = try runner.pfad(["hash-object"] + names, in: p)
        #expect(expected.status == 0)
        #expect(actual.status == 0, "\(actual.err)")
        #expect(actual.out == expected.out)

        // -w writes objects git can read back, --stdin hashes standard input.
        let written = try runner.pfad(["hash-object", "-w"] + names.prefix(5), in: p)
        for id in written.out.split(separator: "\n") {
            let fromGit = try runner.git(["cat-file", "-p", String(id)], in: p)
            #expect(fromGit.status == 0, "git cannot read \(id): \(fromGit.err)")
        }
        let input = Array("Leitfaden über Bürgerbeteiligung\n".utf8)
        let stdinGit = try runner.git(["hash-object", "--stdin"], in: g, stdin: input)
        let stdinPfad = try runner.pfad(["hash-object", "--stdin"], in: p, stdin: input)
        #expect(stdinPfad.out == stdinGit.out)
        #expect(try runner.git(["fsck", "--strict"], in: p).status == 0)
    }

    @Test(arguments: ["sha1", "sha256"])
    func gitMadeRepositoryReadsIdentically(format: String) throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "gitmade")
        try runner.git(["init", "-q", "--object-format=\(format)", "-b", "main"], in: repo)
        try Fixtures.writeGuideTree(repo)
        try runner.git(["add", "-A"], in: repo)
        try runner.git(["commit", "-q", "-m", "Erste Fassung der Leitfäden"], in: repo)
        try Fixtures.write(repo, "Leitfäden/Über uns.md", "# Über uns\n\nGeändert von Menden.\n")
        try runner.git(["add", "-A"], in: repo)
        try runner.git(["commit", "-q", "-m", "Überarbeitung", "-m", "Zweiter Absatz der Nachricht."], in: repo)
        try runner.git(["tag", "-a", "v2021.1", "-m", "Leitfäden 2021.1"], in: repo)
        try runner.git(["tag", "leicht"], in: repo)
        try runner.git(["branch", "menden"], in: repo)

        let commands: [[String]] = [
            ["ls-tree", "HEAD"],
            ["ls-tree", "-r", "HEAD"],
            ["ls-tree", "-r", "-t", "HEAD"],
            ["ls-tree", "-r", "--name-only", "HEAD"],
            ["ls-tree", "HEAD", "Leitfäden"],
            ["ls-tree", "-r", "HEAD~1", "Leitfäden/01 Start"],
            ["ls-tree", "HEAD^{tree}"],
            ["ls-files", "-s"],
            ["ls-files"],
            ["rev-parse", "HEAD", "HEAD~1", "HEAD^", "HEAD^{tree}", "main", "menden", "v2021.1", "v2021.1^{commit}", "HEAD:Leitfäden/Über uns.md", "HEAD~1:README.md"],
            ["rev-parse", "--verify", "HEAD^{commit}"],
            ["rev-parse", "--short", "HEAD"],
            ["rev-parse", "--short", "HEAD", "HEAD~1"],  // --short implies --verify: exit 128
            ["rev-parse", "HEAD", "--short", "HEAD~1"],
            ["show-ref"],
            ["show-ref", "--heads"],
            ["show-ref", "--tags"],
            ["symbolic-ref", "HEAD"],
            ["cat-file", "-t", "v2021.1"],
            ["cat-file", "-s", "HEAD"],
            ["cat-file", "-p", "HEAD"],
            ["cat-file", "-p", "HEAD^{tree}"],
            ["cat-file", "-p", "v2021.1"],
            ["cat-file", "-p", "HEAD:aktuell.md"],
            ["cat-file", "--batch-check", "--batch-all-objects"],
            ["cat-file", "--batch", "--batch-all-objects"],
            ["status", "--porcelain"],
            ["write-tree"],
        ]
        for args in commands {
            let expected = try runner.git(args, in: repo)
            let actual = try runner.pfad(args, in: repo)
            #expect(actual.status == expected.status, "\(args): \(actual.err)")
            #expect(actual.stdout == expected.stdout, "\(args)\n--- pfad\n\(actual.out)\n--- git\n\(expected.out)")
        }

        // --batch with ids and names on standard input, including a missing one.
        let allIDs = try runner.git(["cat-file", "--batch-check=%(objectname)", "--batch-all-objects"], in: repo).out
        let input = Array((allIDs + "HEAD\nHEAD:README.md\nkeiner\n").utf8)
        for mode in ["--batch", "--batch-check"] {
            let expected = try runner.git(["cat-file", mode], in: repo, stdin: input)
            let actual = try runner.pfad(["cat-file", mode], in: repo, stdin: input)
            #expect(actual.stdout == expected.stdout, "\(mode)")
        }
    }

    @Test func pfadMadeRepositoryPassesGitFsckAndShowsTheSameHistory() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "pfadmade")
        #expect(try runner.pfad(["init", "-q"], in: repo).status == 0)
        try Fixtures.writeGuideTree(repo)
        let add = try runner.pfad(["add", "-A"], in: repo)
        #expect(add.status == 0, "\(add.err)")
        let commit = try runner.pfad(["commit", "-q", "-m", "Erste Fassung"], in: repo)
        #expect(commit.status == 0, "\(commit.err)")
        try Fixtures.write(repo, "Leitfäden/01 Start/Checkliste.txt", "- Beschluss des Rates\n- Budget: 50.000 €\n")
        try Fixtures.remove(repo, "daten/leer.txt")
        try Fixtures.write(repo, "Leitfäden/03 Daten/Offene Daten.md", "# Offene Daten\n")
        #expect(try runner.pfad(["add", "-A"], in: repo).status == 0)
        #expect(try runner.pfad(["commit", "-q", "-m", "Zweite Fassung\n\nMit Checkliste."], in: repo).status == 0)

        let fsck = try runner.git(["fsck", "--strict", "--no-dangling"], in: repo)
        #expect(fsck.status == 0, "\(fsck.out)\(fsck.err)")
        #expect(fsck.err.isEmpty, "\(fsck.err)")
        let log = try runner.git(["log", "--format=%H %T %P|%an|%ae|%ad|%cn|%s|%b"], in: repo)
        #expect(log.status == 0)
        #expect(log.out.contains("|Anna Schäfer|anna.schaefer@arnsberg.example|"))
        #expect(log.out.contains("|Zweite Fassung|Mit Checkliste."))
        let head = try runner.pfad(["rev-parse", "HEAD"], in: repo)
        #expect(log.out.hasPrefix(head.out.trimmingCharacters(in: .newlines)))
        #expect(try runner.git(["status", "--porcelain"], in: repo).out == "")
        for args in [["ls-tree", "-r", "HEAD"], ["ls-files", "-s"], ["cat-file", "--batch-check", "--batch-all-objects"]] {
            #expect(try runner.pfad(args, in: repo).stdout == runner.git(args, in: repo).stdout, "\(args)")
        }
        // The cache tree pfad recorded in the index is right: git's write-tree
        // trusts it and must produce HEAD's tree.
        let gitTree = try runner.git(["write-tree"], in: repo)
        #expect(gitTree.out == (try runner.pfad(["rev-parse", "HEAD^{tree}"], in: repo)).out)
        // pfad's own fsck agrees.
        #expect(try runner.pfad(["fsck", "--strict"], in: repo).status == 0)
    }

    @Test func writeTreeAndCommitTreeMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "plumbing")
        let g = dir.appendingPathComponent("g"), p = dir.appendingPathComponent("p")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        #expect(try runner.pfad(["init", "-q", p.path], in: dir).status == 0)
        for root in [g, p] { try Fixtures.writeGuideTree(root) }
        try runner.git(["add", "-A"], in: g)
        #expect(try runner.pfad(["add", "-A"], in: p).status == 0)
        let treeG = try runner.git(["write-tree"], in: g)
        let treeP = try runner.pfad(["write-tree"], in: p)
        #expect(treeP.out == treeG.out)
        let tree = treeG.out.trimmingCharacters(in: .newlines)
        let commitG = try runner.git(["commit-tree", tree, "-m", "Wurzel"], in: g)
        let commitP = try runner.pfad(["commit-tree", tree, "-m", "Wurzel"], in: p)
        #expect(commitP.out == commitG.out)
        let parent = commitG.out.trimmingCharacters(in: .newlines)
        let childG = try runner.git(["commit-tree", tree, "-p", parent, "-m", "Kind", "-m", "Absatz"], in: g)
        let childP = try runner.pfad(["commit-tree", tree, "-p", parent, "-m", "Kind", "-m", "Absatz"], in: p)
        #expect(childP.out == childG.out)
        #expect(try runner.pfad(["update-ref", "refs/heads/main", parent], in: p).status == 0)
        #expect(try runner.git(["fsck", "--strict"], in: p).status == 0)
        // A commit or a tag where the tree belongs is refused, not peeled (git 2.39).
        try runner.git(["update-ref", "refs/heads/main", parent], in: g)
        try runner.git(["tag", "-a", "-m", "Baum", "baum", tree], in: g)
        try runner.git(["tag", "-a", "-m", "Baum", "baum", tree], in: p)
        for spec in ["main", parent, "baum", "main^{tree}"] {
            let refusedG = try runner.git(["commit-tree", spec, "-m", "x"], in: g)
            let refusedP = try runner.pfad(["commit-tree", spec, "-m", "x"], in: p)
            #expect(refusedP.status == refusedG.status, "\(spec)")
            #expect(refusedP.err == refusedG.err, "\(spec)")
            #expect(refusedP.out == refusedG.out, "\(spec)")
        }
    }
}
