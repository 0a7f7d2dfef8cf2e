import Foundation
import PfadDiff
import Testing
@testable import PfadRepository

/// `PatchApplication` applies patches inside its root only: the hostile
/// paths git 2.39 refuses (`../x`, absolute paths, `.git/hooks/…` in any
/// spelling, paths through a symbolic link) are refused before anything is
/// written.
@Suite struct PatchApplicationTests {
    /// A scratch folder holding `root/` (where patches apply) and a
    /// sibling `outside/`, which must stay empty.
    struct Scratch {
        let base: URL
        var root: URL { base.appendingPathComponent("root") }
        var outside: URL { base.appendingPathComponent("outside") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("pfad-apply-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: base.appendingPathComponent("root/.git/hooks"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        }

        func outsideIsEmpty() throws -> Bool {
            try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty
        }

        func hooks() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".git/hooks").path)
        }
    }

    /// A patch creating `path`; a symbolic link's target has no newline.
    static func creation(_ path: String, mode: String = "100644", content: String = "pwned") -> String {
        """
        diff --git a/\(path) b/\(path)
        new file mode \(mode)
        --- /dev/null
        +++ b/\(path)
        @@ -0,0 +1 @@
        +\(content)

        """ + (mode == "120000" ? "\\ No newline at end of file\n" : "")
    }

    static func patches(_ text: String) throws -> [FilePatchText] {
        try PatchParser.parse(Array(text.utf8), strip: 1)
    }

    @Test(arguments: ["../outside/x", "a/../../outside/x", ".git/hooks/pre-commit", ".GIT/hooks/pre-commit", "git~1/hooks/pre-commit", ".git./hooks/x"])
    func refusesPathsLeavingTheRoot(_ path: String) throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        let application = PatchApplication(root: scratch.root.path)
        #expect(throws: PatchApplyError.invalidPath(path)) { try application.plan(try Self.patches(Self.creation(path))) }
        #expect(try scratch.outsideIsEmpty())
        #expect(try scratch.hooks().isEmpty)
    }

    @Test func refusesAnAbsolutePath() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        let target = scratch.outside.appendingPathComponent("abs").path
        let text = "--- /dev/null\n+++ \(target)\n@@ -0,0 +1 @@\n+pwned\n"
        let application = PatchApplication(root: scratch.root.path)
        #expect(throws: PatchApplyError.invalidPath(target)) {
            try application.plan(try PatchParser.parse(Array(text.utf8), strip: 0))
        }
        #expect(try scratch.outsideIsEmpty())
    }

    @Test func refusesAPathThroughASymlinkOnDisk() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        try FileManager.default.createSymbolicLink(atPath: scratch.root.appendingPathComponent("link").path, withDestinationPath: scratch.outside.path)
        let application = PatchApplication(root: scratch.root.path)
        #expect(throws: PatchApplyError.beyondSymlink("link/x")) { try application.plan(try Self.patches(Self.creation("link/x"))) }
        #expect(try scratch.outsideIsEmpty())
    }

    @Test func refusesAPathThroughASymlinkTheSeriesCreates() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        let series = Self.creation("link", mode: "120000", content: scratch.outside.path) + Self.creation("link/x")
        let application = PatchApplication(root: scratch.root.path)
        #expect(throws: PatchApplyError.beyondSymlink("link/x")) { try application.plan(try Self.patches(series)) }
        #expect(!FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("link").path))
        #expect(try scratch.outsideIsEmpty())
    }

    @Test func writesSymlinksAndFoldersInside() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        let series = Self.creation("Leitfäden/Über uns.md", content: "Arnsberg") + Self.creation("zeiger", mode: "120000", content: "Leitfäden")
        let application = PatchApplication(root: scratch.root.path)
        try application.apply(try application.plan(try Self.patches(series)))
        let written = try String(contentsOf: scratch.root.appendingPathComponent("Leitfäden/Über uns.md"), encoding: .utf8)
        #expect(written == "Arnsberg\n")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.root.appendingPathComponent("zeiger").path)
        #expect(link == "Leitfäden")
    }

    @Test func deletingTheLastFileRemovesItsFolder() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.base) }
        let folder = scratch.root.appendingPathComponent("alt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("weg\n".utf8).write(to: folder.appendingPathComponent("x.md"))
        let text = "diff --git a/alt/x.md b/alt/x.md\ndeleted file mode 100644\n--- a/alt/x.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-weg\n"
        let application = PatchApplication(root: scratch.root.path)
        let changes = try application.plan(try Self.patches(text))
        #expect(changes == [.remove(path: Array("alt/x.md".utf8))])
        try application.apply(changes)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
