import Foundation
import Testing

/// `pfad clean` beside `git clean` on two copies of one repository.
@Suite struct CleanInteropTests {
    private func twin(_ runner: CommandRunner) throws -> (git: URL, pfad: URL) {
        let dir = try TempDir.make(prefix: "clean")
        let g = dir.appendingPathComponent("g")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        try Fixtures.write(g, ".gitignore", "build/\n*.log\n")
        try Fixtures.write(g, "leitfaden.md", "# Leitfaden\n")
        try Fixtures.write(g, "kapitel/eins.md", "eins\n")
        try runner.git(["add", "-A"], in: g)
        try runner.git(["commit", "-q", "-m", "Start"], in: g)
        try Fixtures.write(g, "notiz.txt", "n\n")
        try Fixtures.write(g, "Übersicht.txt", "ü\n")
        try Fixtures.write(g, "kapitel/entwurf.md", "e\n")
        try Fixtures.write(g, "neu/tief/x.md", "x\n")
        try Fixtures.write(g, "Bürger/ä.md", "ä\n")
        try Fixtures.write(g, "protokoll.log", "l\n")
        try Fixtures.write(g, "build/out.bin", "o\n")
        try Fixtures.write(g, "kapitel/staged.md", "s\n")
        try runner.git(["add", "kapitel/staged.md"], in: g)
        let p = dir.appendingPathComponent("p")
        _ = try runner.run(executable: "/bin/cp", ["-a", g.path, p.path], in: dir)
        return (g, p)
    }

    @Test func dryRunsListWhatGitLists() throws {
        let runner = try CommandRunner()
        let roots = try twin(runner)
        for args in [[], ["-n"], ["-n", "-d"], ["-n", "-x"], ["-n", "-d", "-x"], ["-n", "kapitel"], ["-n", "-d", "--", "neu"],
                     ["-n", "-q"], ["-c", "core.quotepath=false", "clean", "-n", "-d"]] {
            let full = args.first == "-c" ? args : ["clean"] + args
            let g = try runner.git(full, in: roots.git)
            let p = try runner.pfad(full, in: roots.pfad)
            #expect(p.status == g.status, "\(args)")
            #expect(p.out == g.out, "\(args)")
            #expect(p.err == g.err, "\(args)")
        }
        let sub = try runner.git(["clean", "-n", "-d"], in: roots.git.appendingPathComponent("kapitel"))
        #expect(try runner.pfad(["clean", "-n", "-d"], in: roots.pfad.appendingPathComponent("kapitel")).out == sub.out)
    }

    @Test func forcedCleansLeaveTheSameWorkTree() throws {
        let runner = try CommandRunner()
        for args in [["-f"], ["-f", "-d"], ["-f", "-d", "-x"]] {
            let roots = try twin(runner)
            let g = try runner.git(["clean"] + args, in: roots.git)
            let p = try runner.pfad(["clean"] + args, in: roots.pfad)
            #expect(p.out == g.out, "\(args)")
            let state = ["status", "--porcelain", "--ignored", "-uall"]
            #expect(try runner.git(state, in: roots.pfad).out == runner.git(state, in: roots.git).out, "\(args)")
        }
    }
}
