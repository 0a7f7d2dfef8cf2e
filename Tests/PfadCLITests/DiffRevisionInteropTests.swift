import PfadTestSupport
import Foundation
import Testing

/// `pfad diff` inside a repository against real git 2.39 on the same
/// repository: work tree against index, `--cached`, `REV`, `A B`, `A..B`,
/// `A...B`, path limits, in every output form. The fixture history holds
/// renames (exact, edited, across folders), mode and type changes, added
/// and deleted files, binary files, symlinks, non-ASCII and spaced paths, a
/// file replaced by a folder, and a side branch for `A...B`. `*.md` files
/// get git's `markdown` driver through `.gitattributes` (pfad always labels
/// Markdown hunks with headings); both run with their default indent
/// heuristic.
@Suite struct DiffRevisionInteropTests {
    /// Builds the fixture with one shell script run (a handful of git
    /// processes), loose objects only.
    static func makeFixture(_ runner: CommandRunner, objectFormat: String = "sha1") throws -> URL {
        let root = try TempDir.make(prefix: "pfad-diffrev")
        var rng = SeededGenerator(seed: 77)
        let words = ["Olpe", "Soest", "Menden", "Arnsberg", "Berleburg", "Brücke", "Straße", "über", "und", "Weg"]
        func text(_ lines: Int) -> String {
            (0..<lines).map { _ in
                (0..<Int.random(in: 2...9, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }
                    .joined(separator: " ") + "\n"
            }.joined()
        }
        // Contents written by Swift (deterministic), history made by git.
        let guide = "# Arnsberg\n\n## Anreise\n" + text(12) + "\n## Sehenswertes\n" + text(15)
        let long = text(40)
        try Fixtures.write(root, "content/arnsberg.md", guide)
        try Fixtures.write(root, "content/long.txt", long)
        try Fixtures.write(root, "content/kept.txt", text(8))
        try Fixtures.write(root, "Übersicht der Orte.txt", text(5))
        try Fixtures.write(root, "tools/build.sh", "#!/bin/sh\necho ok\n")
        try Fixtures.write(root, "bild.bin", [0x89, 0x50, 0x00, 0x01, 0x02, 0x0A, 0x03])
        try Fixtures.write(root, "olpe/alt.txt", text(10))
        try Fixtures.write(root, "swap", "a file that becomes a folder\n")
        try Fixtures.write(root, ".gitattributes", "*.md diff=markdown\n")
        try Fixtures.symlink(root, "aktuell", to: "content/arnsberg.md")
        let edited = guide.replacingOccurrences(of: "Soest", with: "Soest (Börde)")
        let longEdited = long.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 9 == 4 ? "geändert \($0.offset)" : String($0.element) }.joined(separator: "\n")
        try Fixtures.write(root, "next/arnsberg.md", edited)
        try Fixtures.write(root, "next/long.txt", longEdited)
        try Fixtures.write(root, "next/neu.txt", text(6))
        let script = """
            set -e
            git init -q -b main --object-format=\(objectFormat) .
            git config gc.auto 0
            mkdir -p .stash && mv next .stash/
            git add -A . ':!.stash' && git commit -q -m eins
            git checkout -q -b seite && echo 'Seitenzweig' >> content/kept.txt && git commit -q -am seite
            git checkout -q main
            git mv content/long.txt archiv/long.txt 2>/dev/null || { mkdir -p archiv && git mv content/long.txt archiv/long.txt; }
            cp .stash/next/long.txt archiv/long.txt
            git mv olpe/alt.txt olpe/neu.txt
            cp .stash/next/arnsberg.md content/arnsberg.md
            chmod +x tools/build.sh
            rm aktuell && echo 'jetzt eine Datei' > aktuell
            ln -s tools/build.sh werkzeug
            printf 'PNG\\0\\1\\2\\3\\4' > bild.bin
            git rm -q 'Übersicht der Orte.txt'
            git rm -q swap && mkdir swap && echo inside > swap/datei.txt
            cp .stash/next/neu.txt 'neu mit Leerzeichen.txt'
            git add -A . ':!.stash' && git commit -q -m zwei
            echo 'dritte Zeile' >> content/kept.txt && git commit -q -am drei
            echo 'unstaged' >> content/arnsberg.md
            echo 'staged' >> archiv/long.txt && git add archiv/long.txt && echo 'then more' >> archiv/long.txt
            rm 'neu mit Leerzeichen.txt'
            chmod -x tools/build.sh
            git mv olpe/neu.txt olpe/umbenannt.txt
            echo 'neu im Index' > index-neu.txt && git add index-neu.txt
            rm -rf .stash
            """
        let made = try runner.run(executable: "/bin/sh", ["-c", script], in: root)
        guard made.status == 0 else { throw FixtureError(message: made.err) }
        return root
    }

    struct FixtureError: Error { var message: String }

    static let forms: [[String]] = [
        [], ["--cached"], ["HEAD"], ["HEAD~2", "HEAD"], ["HEAD~2..HEAD"], ["seite...HEAD"], ["HEAD", "seite"],
        ["--cached", "HEAD~2"], ["HEAD~2", "HEAD", "--", "content", "olpe"], ["HEAD~3", "HEAD~1"],
    ]
    static let outputs: [[String]] = [
        [], ["--stat"], ["--numstat"], ["--name-only"], ["--name-status"], ["--summary"],
    ]

    @Test func everyFormEqualsGit() throws {
        let runner = try CommandRunner()
        let root = try Self.makeFixture(runner)
        defer { try? FileManager.default.removeItem(at: root) }
        for form in Self.forms {
            for output in Self.outputs {
                try compare(runner, output + form, in: root)
            }
        }
        // The fixture does hold what the comparisons are meant to cover.
        let names = try runner.git(["diff", "--name-status", "HEAD~2", "HEAD"], in: root).out
        for letter in ["R100\t", "\nR0", "\nT\t", "\nD\t", "\nA\t"] {
            #expect(names.contains(letter) || names.hasPrefix(letter.dropFirst()), "\(letter) in \(names)")
        }
        let unstaged = try runner.git(["diff", "--name-status"], in: root).out
        #expect(unstaged.contains("D\tneu mit Leerzeichen.txt") && unstaged.contains("M\ttools/build.sh"))
        let staged = try runner.git(["diff", "--cached", "--name-status"], in: root).out
        #expect(staged.contains("R100\tolpe/neu.txt\tolpe/umbenannt.txt") && staged.contains("A\tindex-neu.txt"))
    }

    @Test func patchOptionsEqualGit() throws {
        let runner = try CommandRunner()
        let root = try Self.makeFixture(runner)
        defer { try? FileManager.default.removeItem(at: root) }
        let options: [[String]] = [
            ["-U0"], ["-U7"], ["--minimal"], ["--no-renames"], ["-M90%"], ["-M10%", "--name-status"],
            ["--word-diff=porcelain", "--word-diff-regex=[^[:space:]]+"], ["-R"], ["--stat=60"],
            ["--shortstat"], ["--stat", "--summary"],
        ]
        for option in options {
            try compare(runner, option + ["HEAD~2", "HEAD"], in: root)
        }
        for option in [["-U1"], ["--stat"], ["--name-status", "--", "olpe"]] {
            try compare(runner, option + ["HEAD"], in: root)
        }
    }

    @Test func exitCodesAndQuietEqualGit() throws {
        let runner = try CommandRunner()
        let root = try Self.makeFixture(runner)
        defer { try? FileManager.default.removeItem(at: root) }
        for args in [
            ["--exit-code"], ["--quiet"], ["--quiet", "HEAD", "HEAD"], ["--exit-code", "HEAD~1", "HEAD~1"],
            ["--exit-code", "--cached"], ["--quiet", "--", "nirgends"], ["HEAD~3", "HEAD"],
        ] {
            try compare(runner, args, in: root)
        }
        let bad = try runner.pfad(["diff", "nicht-da"], in: root)
        let gitBad = try runner.git(["diff", "nicht-da"], in: root)
        #expect(bad.status == gitBad.status)
        #expect(bad.err.hasPrefix("fatal: ambiguous argument 'nicht-da'"))
        // The revision-or-path rule, one error for every command that applies it.
        for args in [["log", "nicht-da"], ["rev-parse", "nicht-da"], ["reset", "nicht-da"], ["reflog", "nicht-da"]] {
            let pfad = try runner.pfad(args, in: root)
            let git = try runner.git(args, in: root)
            #expect(pfad.status == git.status, "\(args)")
            #expect(pfad.err.split(separator: "\n").first == git.err.split(separator: "\n").first, "\(args)")
        }
    }

    @Test func sha256RepositoryEqualsGit() throws {
        let runner = try CommandRunner()
        let root = try Self.makeFixture(runner, objectFormat: "sha256")
        defer { try? FileManager.default.removeItem(at: root) }
        for args in [["HEAD~2", "HEAD"], ["--cached"], [], ["--stat", "HEAD"]] {
            try compare(runner, args, in: root)
        }
    }

    /// Quoting is shared with `--no-index`, which quotes as git does too.
    @Test func noIndexQuotesNamesLikeGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-diffrev-quote")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(root, "a/Straße am Weg.txt", "alt\n")
        try Fixtures.write(root, "b/Straße am Weg.txt", "neu\n")
        try Fixtures.write(root, "a/zitat\"x", "weg\n")
        for args in [[], ["--stat"], ["--numstat"], ["--name-status"], ["--name-only"]] {
            let git = try runner.git(["diff", "--no-index"] + args + ["a", "b"], in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + args + ["a", "b"], in: root)
            #expect(pfad.status == git.status)
            #expect(pfad.out == git.out, "\(args)")
        }
    }

    private func compare(_ runner: CommandRunner, _ args: [String], in root: URL) throws {
        let git = try runner.git(["diff"] + args, in: root)
        let pfad = try runner.pfad(["diff"] + args, in: root)
        #expect(pfad.status == git.status, "\(args): \(pfad.err)")
        #expect(pfad.out == git.out, "\(args)")
    }
}
