import Foundation
import Testing

/// `pfad config` against `git config` 2.39 on twin repositories: the same
/// output, error lines and exit codes for every call, and config files
/// edited into the same bytes.
@Suite struct ConfigInteropTests {
    @Test func readsAndEditsLikeGit() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "config-interop")
        let g = dir.appendingPathComponent("g"), p = dir.appendingPathComponent("p")
        for root in [g, p] {
            try runner.git(["init", "-q", "-b", "main", root.path], in: dir)
            // Sections that unset empties or keeps, as git decides.
            let extra = "[leer]\n\tweg = 1\n\n[kommentar] # bleibt\n\tweg = 1\n[zwei]\n\tweg = 1\n\tweg = 2\n"
            let handle = try FileHandle(forWritingTo: root.appendingPathComponent(".git/config"))
            handle.seekToEndOfFile()
            handle.write(Data(extra.utf8))
            try handle.close()
        }
        let calls: [[String]] = [
            ["config", "user.name", "Anna Schäfer"], ["config", "user.name"], ["config", "nix.da"], ["config", "foo"],
            ["config", "a.1b", "c"], ["config", "--add", "x.y", "1"], ["config", "--add", "x.y", "2"], ["config", "x.y", "3"],
            ["config", "x.y"], ["config", "--get", "x.y"], ["config", "--get-all", "x.y"], ["config", "--unset", "x.y"],
            ["config", "--unset", "nope.nope"], ["config", "--replace-all", "x.y", "9"], ["config", "--bool", "x.y"],
            ["config", "--int", "x.y"], ["config", "--type=bool-or-int", "core.bare"], ["config", "--list"],
            ["config", "--get-regexp", "^x"], ["config", "Leitfaden.Über uns.Titel", " Leitfaden # Olpe "],
            ["config", "--get-regexp", "titel"], ["config", "--unset-all", "x.y"], ["config", "--unset", "leer.weg"],
            ["config", "--unset", "kommentar.weg"], ["config", "--unset-all", "zwei.weg"], ["config", "--remove-section", "nix"],
            ["config", "--path", "a.p", "~/Leitfäden"], ["config", "--path", "a.p"], ["-c", "a.b=c", "config", "a.b"],
            ["-c", "user.name=Ben", "config", "user.name"], ["config", "--global", "user.email", "anna@olpe.example"],
            ["config", "--global", "--list"], ["config", "--file", "extra.conf", "kapitel.eins", "Start"],
            ["config", "-f", "extra.conf", "--list"], ["config", "--bool", "user.name"],
        ]
        // Each tool has a home (and global file) of its own.
        func home(_ name: String) throws -> [String: String] {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return ["HOME": folder.path, "GIT_CONFIG_GLOBAL": folder.appendingPathComponent(".gitconfig").path]
        }
        let gitHome = try home("home-g"), pfadHome = try home("home-p")
        for call in calls {
            let gitResult = try runner.git(call, in: g, env: gitHome)
            let pfadResult = try runner.pfad(call, in: p, env: pfadHome)
            #expect(pfadResult.status == gitResult.status, "\(call): \(pfadResult.err)")
            // `--path` expands `~` to each tool's own home.
            let pfadOut = pfadResult.out.replacingOccurrences(of: pfadHome["HOME"] ?? "", with: gitHome["HOME"] ?? "")
            #expect(pfadOut == gitResult.out, "\(call)")
            #expect(pfadResult.err == gitResult.err, "\(call)")
        }
        let globals = try [gitHome, pfadHome].map { try Data(contentsOf: URL(fileURLWithPath: $0["GIT_CONFIG_GLOBAL"] ?? "")) }
        #expect(globals[0] == globals[1], "global files differ")
        for file in [".git/config", "extra.conf"] {
            let gitBytes = try Data(contentsOf: g.appendingPathComponent(file))
            let pfadBytes = try Data(contentsOf: p.appendingPathComponent(file))
            #expect(pfadBytes == gitBytes, "\(file):\n\(String(decoding: pfadBytes, as: UTF8.self))")
        }
    }

    /// A broken repository config is reported (as git does), not taken for
    /// "not in a git directory".
    @Test func aBrokenConfigIsReported() throws {
        let runner = try CommandRunner()
        let repo = try TempDir.make(prefix: "config-broken")
        try runner.git(["init", "-q", "."], in: repo)
        let handle = try FileHandle(forWritingTo: repo.appendingPathComponent(".git/config"))
        handle.seekToEndOfFile()
        handle.write(Data("[kaputt\n".utf8))
        try handle.close()
        let git = try runner.git(["config", "user.name", "Anna"], in: repo)
        let pfad = try runner.pfad(["config", "user.name", "Anna"], in: repo)
        #expect(pfad.status == git.status)
        #expect(pfad.err.hasPrefix("fatal: bad config line 6 in file "), "\(pfad.err)")
    }
}
