import Foundation
import Testing

/// `pfad commit` prints git 2.39's summary after the commit line: the
/// ` N files changed, X insertions(+), Y deletions(-)` line and the
/// ` create mode` / ` delete mode` / ` rename … (NN%)` / ` mode change`
/// lines. The same edits are committed by git in one repository and by
/// pfad in another; with the fixed identities and dates the commit ids
/// agree, so the whole standard output must be identical.
@Suite struct CommitSummaryInteropTests {
    static let steps: [String] = [
        // A root commit with text, binary, executable and non-ASCII files.
        """
        mkdir -p guides/olpe && printf '# Olpe\\n\\nBiggesee\\nStadtmauer\\n' > guides/olpe/index.md
        printf 'PNG\\0\\1\\2' > logo.bin && printf '#!/bin/sh\\necho ok\\n' > build.sh && chmod +x build.sh
        printf 'Übersicht\\n' > 'Übersicht.txt' && printf 'eins\\nzwei\\ndrei\\nvier\\nfünf\\nsechs\\n' > notes.txt
        """,
        // A mode change only.
        "chmod -x build.sh",
        // An edited rename across folders, a deletion and a new symlink.
        """
        mkdir -p archiv && mv notes.txt archiv/notizen.txt && echo sieben >> archiv/notizen.txt
        rm logo.bin && ln -s guides/olpe/index.md start
        """,
        // An exact rename of a non-ASCII file, a symlink becoming a file.
        "mv 'Übersicht.txt' 'Überblick.txt' && rm start && echo 'jetzt Text' > start",
        // Insertions and deletions in one file, a binary file again.
        "printf '# Olpe\\n\\nBiggesee (Talsperre)\\n' > guides/olpe/index.md && printf 'GIF\\0' > logo.bin",
        // Many files at once (the stat line's plural forms).
        "for i in 1 2 3 4 5; do echo \"Weg $i\" > guides/olpe/weg$i.txt; done && rm guides/olpe/index.md",
    ]

    @Test func summaryEqualsGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-commit-summary")
        defer { try? FileManager.default.removeItem(at: root) }
        let gitRepo = root.appendingPathComponent("git")
        let pfadRepo = root.appendingPathComponent("pfad")
        for dir in [gitRepo, pfadRepo] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try runner.git(["init", "-q", "-b", "main"], in: dir)
            try runner.git(["config", "gc.auto", "0"], in: dir)
        }
        var sawRename = false
        for (n, step) in Self.steps.enumerated() {
            for dir in [gitRepo, pfadRepo] {
                let result = try runner.run(executable: "/bin/sh", ["-c", step], in: dir)
                #expect(result.status == 0, "step \(n): \(result.err)")
            }
            try runner.git(["add", "-A"], in: gitRepo)
            let git = try runner.git(["commit", "-m", "Schritt \(n)"], in: gitRepo)
            try runner.pfad(["add", "-A"], in: pfadRepo)
            let pfad = try runner.pfad(["commit", "-m", "Schritt \(n)"], in: pfadRepo)
            #expect(git.status == 0)
            #expect(pfad.status == git.status, "step \(n): \(pfad.err)")
            #expect(pfad.out == git.out, "step \(n)")
            sawRename = sawRename || git.out.contains(" rename ")
        }
        #expect(sawRename)
        // An empty commit prints only the commit line; -q prints nothing.
        let git = try runner.git(["commit", "--allow-empty", "-m", "leer"], in: gitRepo)
        let pfad = try runner.pfad(["commit", "--allow-empty", "-m", "leer"], in: pfadRepo)
        #expect(pfad.out == git.out)
        try Fixtures.write(pfadRepo, "still.txt", "leise\n")
        try runner.pfad(["add", "still.txt"], in: pfadRepo)
        #expect(try runner.pfad(["commit", "-q", "-m", "still"], in: pfadRepo).out == "")
    }

    @Test func amendEqualsGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-amend")
        defer { try? FileManager.default.removeItem(at: root) }
        let dirs = [root.appendingPathComponent("git"), root.appendingPathComponent("pfad")]
        for dir in dirs {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try runner.git(["init", "-q", "-b", "main"], in: dir)
            try Fixtures.write(dir, "leitfaden.md", "# Leitfaden\n")
            try runner.git(["add", "-A"], in: dir)
        }
        let later = ["GIT_COMMITTER_DATE": "1700009999 +0100"]
        let otherAuthor = ["GIT_AUTHOR_NAME": "Mara Olpe", "GIT_AUTHOR_EMAIL": "mara@olpe.example", "GIT_AUTHOR_DATE": "1700005555 +0200"]
        // (tool prefix, arguments, extra environment, a file edit before)
        let steps: [([String], [String: String], String?)] = [
            (["commit", "-m", "Erste Fassung"], [:], nil),
            (["commit", "--amend", "--no-edit"], later, "Zweite Zeile"),
            (["commit", "-a", "--amend", "-m", "Neu gefasst"], later, "Dritte Zeile"),
            (["commit", "--amend", "--reset-author", "--no-edit"], otherAuthor, nil),
            (["commit", "--amend", "--author", "Jonas Menden <jonas@menden.example>", "-m", "Mit Autor"], later, nil),
            (["commit", "--amend", "--no-edit"], [:], nil),
        ]
        for (n, (args, env, edit)) in steps.enumerated() {
            if let edit {
                for dir in dirs { try Fixtures.write(dir, "leitfaden.md", "# Leitfaden\n\n\(edit)\n") }
            }
            if args.contains("-a") == false && edit != nil {
                for dir in dirs { try runner.git(["add", "-A"], in: dir) }
            }
            let g = try runner.git(args, in: dirs[0], env: env)
            let p = try runner.pfad(args, in: dirs[1], env: env)
            #expect(p.status == g.status, "step \(n): \(p.err)")
            #expect(p.out == g.out, "step \(n)")
            #expect(p.err == g.err, "step \(n)")
            for query in [["rev-parse", "HEAD"], ["reflog", "-1", "--format=%gs"], ["log", "--format=%an %ae %ad %cd %s"]] {
                #expect(try runner.git(query, in: dirs[1]).out == runner.git(query, in: dirs[0]).out, "step \(n) \(query)")
            }
        }
        // Nothing to amend in an empty repository; an amend that would be empty.
        let empty = root.appendingPathComponent("leer")
        try runner.git(["init", "-q", "-b", "main", empty.path], in: root)
        let g = try runner.git(["commit", "--amend", "-m", "x"], in: empty)
        let p = try runner.pfad(["commit", "--amend", "-m", "x"], in: empty)
        #expect(p.status == g.status)
        #expect(p.err == g.err)
        for dir in dirs {
            try Fixtures.write(dir, "notiz.txt", "kurz\n")
            try runner.git(["add", "notiz.txt"], in: dir)
            try runner.git(["commit", "-q", "-m", "Notiz"], in: dir)
            try runner.git(["rm", "-q", "notiz.txt"], in: dir)
        }
        let ge = try runner.git(["commit", "--amend", "--no-edit"], in: dirs[0])
        let pe = try runner.pfad(["commit", "--amend", "--no-edit"], in: dirs[1])
        #expect(pe.status == ge.status)
        #expect(pe.out == ge.out)
        #expect(pe.err == ge.err)
    }
}
