import Foundation
import Testing

/// `pfad mv` beside `git mv` on two copies of one repository.
@Suite struct MvInteropTests {
    @Test func movesAndRefusalsMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "mv")
        let g = dir.appendingPathComponent("g")
        try runner.git(["init", "-q", "-b", "main", g.path], in: dir)
        try Fixtures.write(g, "leitfaden.md", "# Leitfaden\n")
        try Fixtures.write(g, "kapitel/eins.md", "eins\n")
        try Fixtures.write(g, "kapitel/zwei.md", "zwei\n")
        try Fixtures.write(g, "Übersicht.md", "ü\n")
        try Fixtures.write(g, "alt.md", "alt\n")
        try runner.git(["add", "-A"], in: g)
        try runner.git(["commit", "-q", "-m", "Start"], in: g)
        try Fixtures.write(g, "frei.md", "untracked\n")
        let p = dir.appendingPathComponent("p")
        _ = try runner.run(executable: "/bin/cp", ["-a", g.path, p.path], in: dir)
        let steps: [(String, [String])] = [
            ("", ["mv", "-n", "leitfaden.md", "start.md"]),
            ("", ["mv", "-v", "leitfaden.md", "start.md"]),
            ("", ["mv", "nirgends.md", "x.md"]),
            ("", ["mv", "frei.md", "y.md"]),
            ("", ["mv", "start.md", "alt.md"]),
            ("", ["mv", "-f", "start.md", "alt.md"]),
            ("", ["mv", "kapitel/eins.md", "kapitel/zwei.md", "nicht-da"]),
            ("", ["mv", "-k", "nirgends.md", "frei.md", "kapitel"]),
            ("", ["mv", "kapitel", "teil"]),
            ("", ["mv", "Übersicht.md", "teil"]),
            ("teil", ["mv", "-v", "zwei.md", "../zwei.md"]),
            ("", ["mv", "teil", "teil/unten"]),
        ]
        for (sub, args) in steps {
            let gr = try runner.git(args, in: sub.isEmpty ? g : g.appendingPathComponent(sub))
            let pr = try runner.pfad(args, in: sub.isEmpty ? p : p.appendingPathComponent(sub))
            #expect(pr.status == gr.status, "\(args)")
            #expect(pr.out == gr.out, "\(args)")
            #expect(pr.err == gr.err, "\(args)")
            for query in [["ls-files", "-s"], ["status", "--porcelain", "-uall"]] {
                #expect(try runner.git(query, in: p).out == runner.git(query, in: g).out, "\(args) \(query)")
            }
        }
        #expect(try runner.git(["fsck", "--strict"], in: p).status == 0)
    }
}
