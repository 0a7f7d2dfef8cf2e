import Foundation
import Testing

/// The README's first command runs `Examples/build-catalogue.sh`; this test
/// runs the same script with the test build of pfad, so the main job cannot
/// break unnoticed: five municipalities, merges with a conflict, releases,
/// then `pfad serve`, a clone over HTTP, a permitted and a refused push, a
/// fetch, and `git fsck --strict` on both repositories.
struct ExamplesTests {
    @Test func catalogueScriptRunsEndToEnd() throws {
        let runner = try CommandRunner()
        let dir = try TempDir.make(prefix: "pfad-example")
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root = root.deletingLastPathComponent() }
        let script = root.appendingPathComponent("Examples/build-catalogue.sh").path
        let target = dir.appendingPathComponent("katalog").path
        let result = try runner.run(
            executable: "/usr/bin/timeout", ["300", "bash", script, target], in: dir,
            env: ["PFAD": CommandRunner.pfadPath])
        #expect(result.status == 0, "\(result.err)\n\(result.out.suffix(2000))")
        let out = result.out
        #expect(out.contains("angenommen: refs/heads/arnsberg/wanderwege"))
        #expect(out.contains("! [remote rejected] HEAD -> main (permission denied)"))
        #expect(out.contains("git fsck: ok"))
        #expect(out.contains("git fsck (Server nach Arnsbergs Push): ok"))
        // The agency's repository now tracks Arnsberg's pushed branch, and git agrees on the releases.
        let tracked = try runner.git(["rev-parse", "--verify", "-q", "refs/remotes/server/arnsberg/wanderwege"], in: URL(fileURLWithPath: target))
        #expect(tracked.status == 0)
        let tags = try runner.git(["tag", "-l"], in: URL(fileURLWithPath: target))
        #expect(tags.out == "2021.1\n2021.2\n")
    }
}
