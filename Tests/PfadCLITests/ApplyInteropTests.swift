import Foundation
import Testing

/// `pfad apply` on patches written by git 2.39, and its all-or-nothing rule.
@Suite struct ApplyInteropTests {
    static func tree(_ dir: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            result[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return result
    }

    @Test func appliesGitPatchesAndReverses() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: root) }
        try DiffInteropTests.makeFolders(seed: 5, poolSize: 30, in: root)
        let patch = try runner.git(["diff", "--no-index", "old", "new"], in: root)
        #expect(patch.status == 1)
        let work = root.appendingPathComponent("work")
        try FileManager.default.copyItem(at: root.appendingPathComponent("old"), to: work)
        let applied = try runner.pfad(["apply", "-p2"], in: work, stdin: patch.stdout)
        #expect(applied.status == 0, "\(applied.err)")
        #expect(try Self.tree(work) == Self.tree(root.appendingPathComponent("new")))
        let reversed = try runner.pfad(["apply", "-R", "-p2"], in: work, stdin: patch.stdout)
        #expect(reversed.status == 0, "\(reversed.err)")
        #expect(try Self.tree(work) == Self.tree(root.appendingPathComponent("old")))
    }

    @Test func refusesAndChangesNothing() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("Olpe\nSoest\n".utf8).write(to: root.appendingPathComponent("a"))
        try Data("Menden\n".utf8).write(to: root.appendingPathComponent("b"))
        // First file's hunk applies, second's does not: nothing may change.
        let patch = """
            diff --git a/a b/a
            --- a/a
            +++ b/a
            @@ -1,2 +1,2 @@
             Olpe
            -Soest
            +Soest (Altstadt)
            diff --git a/b b/b
            --- a/b
            +++ b/b
            @@ -1 +1 @@
            -Arnsberg
            +Arnsberg-Neheim

            """
        let result = try runner.pfad(["apply"], in: root, stdin: Array(patch.utf8))
        let git = try runner.git(["apply"], in: root, stdin: Array(patch.utf8))
        #expect(result.status == 1)
        #expect(result.status == git.status)
        #expect(result.err == git.err)  // "error: patch failed: b:1\nerror: b: patch does not apply\n"
        #expect(try Data(contentsOf: root.appendingPathComponent("a")) == Data("Olpe\nSoest\n".utf8))
    }

    @Test func createsAndDeletesFiles() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        try Data("weg\n".utf8).write(to: old.appendingPathComponent("gone"))
        try Data("neu\n".utf8).write(to: new.appendingPathComponent("added"))
        let patch = try runner.git(["diff", "--no-index", "--no-renames", "old", "new"], in: root)
        let work = root.appendingPathComponent("work")
        try FileManager.default.copyItem(at: old, to: work)
        // git names created files b/new/added and deleted ones a/old/gone: -p2 strips both.
        let applied = try runner.pfad(["apply", "-p2"], in: work, stdin: patch.stdout)
        #expect(applied.status == 0, "\(applied.err)")
        #expect(try Self.tree(work) == Self.tree(new))
    }

    @Test func refusalMessagesEqualGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("neu\n".utf8).write(to: root.appendingPathComponent("exists"))
        let patches = [
            "diff --git a/exists b/exists\nnew file mode 100644\n--- /dev/null\n+++ b/exists\n@@ -0,0 +1 @@\n+x\n",
            "--- a/missing\n+++ b/missing\n@@ -1 +1 @@\n-a\n+b\n",
        ]
        for patch in patches {
            let git = try runner.git(["apply"], in: root, stdin: Array(patch.utf8))
            let pfad = try runner.pfad(["apply"], in: root, stdin: Array(patch.utf8))
            #expect(pfad.status == git.status)
            #expect(pfad.err == git.err)
        }
    }

    @Test func appliesGitRenameCopyAndModePatch() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: root) }
        try runner.git(["init", "-q", "."], in: root)
        try Data((1...30).map { "\($0)\n" }.joined().utf8).write(to: root.appendingPathComponent("alt.txt"))
        try Data("bleibt\n".utf8).write(to: root.appendingPathComponent("keep"))
        try Data("x\n".utf8).write(to: root.appendingPathComponent("mode.sh"))
        try runner.git(["add", "."], in: root)
        try runner.git(["commit", "-q", "-m", "start"], in: root)
        try runner.git(["mv", "alt.txt", "neu.txt"], in: root)
        try Data((1...31).map { "\($0)\n" }.joined().utf8).write(to: root.appendingPathComponent("neu.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("mode.sh").path)
        try Data("bleibt\n".utf8).write(to: root.appendingPathComponent("kopie"))
        try runner.git(["add", "-A"], in: root)
        let patch = try runner.git(["diff", "--cached", "-M", "-C", "--find-copies-harder"], in: root)
        #expect(String(decoding: patch.stdout, as: UTF8.self).contains("copy from keep"))
        try runner.git(["reset", "-q", "--hard"], in: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("kopie"))
        try? FileManager.default.removeItem(at: root.appendingPathComponent("neu.txt"))
        let applied = try runner.pfad(["apply"], in: root, stdin: patch.stdout)
        #expect(applied.status == 0, "\(applied.err)")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("alt.txt").path))
        #expect(try Data(contentsOf: root.appendingPathComponent("neu.txt")) == Data((1...31).map { "\($0)\n" }.joined().utf8))
        #expect(try Data(contentsOf: root.appendingPathComponent("kopie")) == Data("bleibt\n".utf8))
        #expect(fm.fileExists(atPath: root.appendingPathComponent("keep").path))
        #expect(fm.isExecutableFile(atPath: root.appendingPathComponent("mode.sh").path))
    }

    /// Patches that would write outside the work tree, into `.git` or
    /// through a committed symbolic link: git 2.39 refuses each with the
    /// same message and exit code, and nothing is written anywhere.
    @Test func refusesHostilePathsAsGitDoes() throws {
        let runner = try CommandRunner()
        let base = try TempDir.make(prefix: "pfad-apply")
        defer { try? FileManager.default.removeItem(at: base) }
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        func creation(_ path: String, mode: String = "100644", content: String = "touch /tmp/pwned") -> String {
            "diff --git a/\(path) b/\(path)\nnew file mode \(mode)\n--- /dev/null\n+++ b/\(path)\n@@ -0,0 +1 @@\n+\(content)\n"
        }
        let cases: [(name: String, patch: String, args: [String])] = [
            ("parent", creation("../outside/x"), []),
            ("hook", creation(".git/hooks/pre-commit", mode: "100755"), []),
            ("hook-case", creation(".GIT/hooks/pre-commit", mode: "100755"), []),
            ("absolute", "--- /dev/null\n+++ \(outside.path)/abs\n@@ -0,0 +1 @@\n+x\n", ["-p0"]),
            ("symlink", creation("link/x"), []),
            ("series-symlink", creation("neu", mode: "120000", content: outside.path) + creation("neu/x"), []),
        ]
        for hostile in cases {
            for tool in ["git", "pfad"] {
                let work = base.appendingPathComponent("\(tool)-\(hostile.name)")
                try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
                try runner.git(["init", "-q", "."], in: work)
                try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("link").path, withDestinationPath: outside.path)
                try runner.git(["add", "link"], in: work)
                try runner.git(["commit", "-q", "-m", "link"], in: work)
            }
            let gitWork = base.appendingPathComponent("git-\(hostile.name)")
            let pfadWork = base.appendingPathComponent("pfad-\(hostile.name)")
            let git = try runner.git(["apply"] + hostile.args, in: gitWork, stdin: Array(hostile.patch.utf8))
            let pfad = try runner.pfad(["apply"] + hostile.args, in: pfadWork, stdin: Array(hostile.patch.utf8))
            #expect(git.status != 0, "\(hostile.name): git must refuse")
            #expect(pfad.status == git.status, "\(hostile.name): \(pfad.err)")
            #expect(pfad.err == git.err, "\(hostile.name)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "\(hostile.name) wrote outside")
            let hooks = try FileManager.default.contentsOfDirectory(atPath: pfadWork.appendingPathComponent(".git/hooks").path)
            #expect(!hooks.contains("pre-commit"), "\(hostile.name) wrote a hook")
        }
    }
}
