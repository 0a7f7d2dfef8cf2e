import Foundation
import Testing

/// Short runs of the reliability suite in `Benchmarks/reliability/` (the
/// full runs are recorded in `Benchmarks/README.md`) against the built
/// pfad, so a regression fails the normal test run: a 30-iteration kill -9
/// loop, a small compare-and-swap race and a subset of the hostile
/// catalogue. Each script prints a JSON summary that is checked here.
@Suite struct ReliabilitySuiteTests {
    static let folder: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root = root.deletingLastPathComponent() }
        return root.appendingPathComponent("Benchmarks/reliability")
    }()

    /// Runs `script ARGS` with python3 and returns its exit status and the JSON it printed last.
    func runScript(_ script: String, _ args: [String]) throws -> (status: Int32, summary: [String: Any]) {
        let runner = try CommandRunner()
        let result = try runner.run(
            executable: "/usr/bin/env", ["python3", Self.folder.appendingPathComponent(script).path] + args,
            in: runner.home, env: ["PFAD_BIN": CommandRunner.pfadPath])
        let text = result.out
        guard let start = text.firstIndex(of: "{"),
              let object = try JSONSerialization.jsonObject(with: Data(text[start...].utf8)) as? [String: Any]
        else {
            Issue.record("\(script) printed no summary: \(result.err.suffix(2000))")
            return (result.status, [:])
        }
        return (result.status, object)
    }

    @Test func killLoopLeavesNoCorruption() throws {
        let (status, summary) = try runScript("kill_loop.py", ["--iterations", "30", "--files", "60", "--seed", "7"])
        #expect(summary["tried"] as? Int == 30)
        #expect(summary["clean"] as? Int == 30, "\(summary["failures"] ?? "")")
        for column in ["crash", "hang", "wrong", "corruption"] {
            #expect(summary[column] as? Int == 0, "\(column): \(summary["failures"] ?? "")")
        }
        #expect(status == 0)
    }

    @Test func compareAndSwapLosesNoUpdate() throws {
        let (status, summary) = try runScript("cas_loop.py", ["--workers", "4", "--rounds", "5"])
        let rows = summary["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 4)
        for row in rows {
            #expect(row["lost_updates"] as? Int == 0, "\(row)")
            #expect(row["crash"] as? Int == 0, "\(row)")
            #expect(((row["acknowledged"] as? Int) ?? 0) > 0, "\(row)")
        }
        #expect(status == 0)
    }

    @Test func hostileCatalogueSubsetMatchesGit() throws {
        let cases = "dotdot-component,dotgit-upper,gitmodules-symlink-upper,symlink-and-folder-same-name,gitmodules-url-option,new-file-dotdot,symlink-then-file-beyond,gitmodules-as-symlink,pack-truncated,valid-request,http-control,http-inner-dotdot"
        let (status, summary) = try runScript("hostile.py", ["--only", cases])
        #expect(summary["tried"] as? Int == 32)
        for column in ["crash", "hang", "escape", "fsck_receive_mismatch", "pfad_laxer", "controls_failed"] {
            #expect(summary[column] as? Int == 0, "\(column)")
        }
        #expect(status == 0)
    }
}
