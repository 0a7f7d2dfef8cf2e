import Foundation
import Testing

/// `status` against the upstream (long format, `-sb`, `--porcelain -b`):
/// up to date, ahead, behind, diverged, gone — the same lines as git, with
/// pfad's commands in the hints.
@Suite struct StatusTrackingInteropTests {
    @Test func trackingLinesMatchGit() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "tracking")
        let origin = dir.appendingPathComponent("origin")
        try runner.git(["init", "-q", "-b", "main", origin.path], in: dir)
        try Fixtures.write(origin, "a.md", "a\n")
        try runner.git(["add", "a.md"], in: origin)
        try runner.git(["commit", "-q", "-m", "a"], in: origin)
        let clone = dir.appendingPathComponent("clone")
        try runner.git(["clone", "-q", origin.path, clone.path], in: dir)

        func compare(_ label: String) throws {
            for args in [["status"], ["status", "-sb"], ["status", "--porcelain", "-b"], ["status", "--short", "--branch"]] {
                let g = try runner.git(args, in: clone)
                let p = try runner.pfad(args, in: clone)
                #expect(p.status == g.status, "\(label) \(args)")
                #expect(p.out == g.out.replacingOccurrences(of: "\"git ", with: "\"pfad "), "\(label) \(args)")
            }
        }
        try compare("up to date")
        try Fixtures.write(clone, "b.md", "b\n")
        try runner.git(["add", "b.md"], in: clone)
        try runner.git(["commit", "-q", "-m", "b"], in: clone)
        try compare("ahead 1")
        try Fixtures.write(clone, "c.md", "c\n")
        try runner.git(["add", "c.md"], in: clone)
        try runner.git(["commit", "-q", "-m", "c"], in: clone)
        try compare("ahead 2")
        try runner.git(["reset", "-q", "--hard", "origin/main"], in: clone)
        try runner.git(["commit", "-q", "--allow-empty", "-m", "oben"], in: origin)
        try runner.git(["fetch", "-q"], in: clone)
        try compare("behind 1")
        try runner.git(["commit", "-q", "--allow-empty", "-m", "hier"], in: clone)
        try Fixtures.write(clone, "neu.md", "neu\n")
        try compare("diverged, with an untracked file")
        // An upstream that is gone, then forgotten with branch --unset-upstream.
        try runner.git(["config", "branch.main.merge", "refs/heads/weg"], in: clone)
        try compare("gone")
        let config = clone.appendingPathComponent(".git/config")
        let before = try Data(contentsOf: config)
        let g = try runner.git(["branch", "--unset-upstream"], in: clone)
        let afterGit = try Data(contentsOf: config)
        try before.write(to: config)
        let p = try runner.pfad(["branch", "--unset-upstream"], in: clone)
        #expect(p.status == g.status)
        #expect(try Data(contentsOf: config) == afterGit)
        let again = try runner.pfad(["branch", "--unset-upstream"], in: clone)
        #expect(again.status == 128)
        #expect(again.err == (try runner.git(["branch", "--unset-upstream"], in: clone)).err)
        try compare("no upstream any more")
        // A branch without upstream.
        try runner.git(["switch", "-q", "-c", "ohne"], in: clone)
        try compare("no upstream")
    }
}
