import Foundation
import Testing

/// `pfad diff --no-index --word-diff` against git 2.39 on the random
/// folders of `DiffInteropTests`. pfad's default word splitter is its prose
/// splitter, so pfad gets git's default words through
/// `--word-diff-regex=[^[:space:]]+`.
@Suite struct DiffWordInteropTests {
    @Test(arguments: ["plain", "porcelain"])
    func wordDiffEqualsGit(mode: String) throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-word-interop")
        defer { try? FileManager.default.removeItem(at: root) }
        try DiffInteropTests.makeFolders(seed: 3, poolSize: 15, in: root)
        let git = try runner.git(["diff", "--no-index", "--word-diff=\(mode)", "old", "new"], in: root)
        let pfad = try runner.pfad(
            ["diff", "--no-index", "--word-diff=\(mode)", "--word-diff-regex=[^[:space:]]+", "old", "new"], in: root)
        #expect(git.status == 1)
        #expect(pfad.status == git.status)
        #expect(pfad.out == git.out)
    }

    @Test func invalidRegexIsFatal() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-word-interop")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("a\n".utf8).write(to: root.appendingPathComponent("x"))
        try Data("b\n".utf8).write(to: root.appendingPathComponent("y"))
        let result = try runner.pfad(["diff", "--no-index", "--word-diff-regex=[oops", "x", "y"], in: root)
        #expect(result.status == 128)
        #expect(result.err.hasPrefix("fatal: invalid regular expression"))
    }
}
