import Foundation
import Testing

/// Commands that write several refs or compare-and-swap one, run by git and
/// by pfad on twin repositories: same refs, same `packed-refs`, same
/// messages (up to the repository path) and exit codes.
@Suite struct RefTransactionInteropTests {
    /// Two identical repositories (built by git): `main` with two commits,
    /// tracking refs of a remote `o` (one loose, one packed, a packed one
    /// updated loose, and the `HEAD` symref), a packed branch `alt`.
    private func twins(_ runner: CommandRunner) throws -> (git: URL, pfad: URL) {
        let base = try TempDir.make(prefix: "ref-tx")
        let seed = base.appendingPathComponent("seed")
        try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
        func git(_ args: [String]) throws {
            let r = try runner.git(args, in: seed)
            #expect(r.status == 0, "git \(args): \(r.err)")
        }
        try git(["init", "-q", "-b", "main"])
        try git(["commit", "-q", "--allow-empty", "-m", "eins"])
        try git(["commit", "-q", "--allow-empty", "-m", "zwei"])
        try git(["remote", "add", "o", "/nowhere"])
        try git(["update-ref", "refs/remotes/o/packed", "HEAD~1"])
        try git(["update-ref", "refs/remotes/o/moved", "HEAD~1"])
        try git(["update-ref", "refs/heads/alt", "HEAD~1"])
        try git(["pack-refs", "--all"])
        try git(["update-ref", "refs/remotes/o/moved", "HEAD"])
        try git(["update-ref", "refs/remotes/o/deep/loose", "HEAD"])
        try git(["symbolic-ref", "refs/remotes/o/HEAD", "refs/remotes/o/moved"])
        let roots = (git: base.appendingPathComponent("git"), pfad: base.appendingPathComponent("pfad"))
        try FileManager.default.copyItem(at: seed, to: roots.git)
        try FileManager.default.copyItem(at: seed, to: roots.pfad)
        return roots
    }

    /// `for-each-ref` (by git), `packed-refs` and the folders under `refs/`.
    private func refState(_ runner: CommandRunner, _ root: URL) throws -> [String] {
        let refs = try runner.git(["for-each-ref", "--format=%(refname) %(objectname) %(symref)"], in: root).out
        let head = (try? String(contentsOf: root.appendingPathComponent(".git/HEAD"), encoding: .utf8)) ?? "<none>"
        let packed = (try? String(contentsOf: root.appendingPathComponent(".git/packed-refs"), encoding: .utf8)) ?? "<none>"
        var folders: [String] = []
        let refsRoot = root.appendingPathComponent(".git/refs").path
        let walker = FileManager.default.enumerator(atPath: refsRoot)
        while let path = walker?.nextObject() as? String { folders.append(path) }
        return [refs, head, packed] + folders.sorted()
    }

    private func same(
        _ runner: CommandRunner, _ roots: (git: URL, pfad: URL), _ args: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let g = try runner.git(args, in: roots.git)
        let p = try runner.pfad(args, in: roots.pfad)
        #expect(p.status == g.status, "\(args): git \(g.status) \(g.err), pfad \(p.status) \(p.err)", sourceLocation: sourceLocation)
        // git adds a paragraph about other git processes to lock errors; pfad prints the first line.
        let gitLine = g.err.split(separator: "\n").first.map(String.init)?.replacingOccurrences(of: roots.git.path, with: "<repo>")
        let pfadLine = p.err.split(separator: "\n").first.map(String.init)?.replacingOccurrences(of: roots.pfad.path, with: "<repo>")
        #expect(pfadLine == gitLine, "\(args)", sourceLocation: sourceLocation)
        #expect(p.out == g.out, "\(args)", sourceLocation: sourceLocation)
        #expect(try refState(runner, roots.pfad) == refState(runner, roots.git), "\(args)", sourceLocation: sourceLocation)
    }

    @Test func remoteRemoveDeletesLoosePackedAndSymbolicTrackingRefs() throws {
        let runner = try CommandRunner()
        let roots = try twins(runner)
        try same(runner, roots, ["remote", "remove", "o"])
        // Nothing of o is left, alt stays packed, refs/remotes itself stays.
        let state = try refState(runner, roots.pfad)
        #expect(!state[0].contains("refs/remotes/o/"))
        #expect(state[2].contains("refs/heads/alt"))
    }

    @Test func updateRefFollowsSymrefsAndComparesLikeGit() throws {
        let runner = try CommandRunner()
        let roots = try twins(runner)
        let head = try runner.git(["rev-parse", "HEAD"], in: roots.git).out.trimmingCharacters(in: .newlines)
        let first = try runner.git(["rev-parse", "HEAD~1"], in: roots.git).out.trimmingCharacters(in: .newlines)
        let wrong = String(repeating: "1", count: 40)
        try same(runner, roots, ["update-ref", "refs/heads/main", first, wrong])  // stale: fatal, 128
        try same(runner, roots, ["update-ref", "-d", "refs/heads/alt", wrong])  // stale: error, 1
        try same(runner, roots, ["update-ref", "-d", "refs/heads/alt", first])  // packed only
        try same(runner, roots, ["update-ref", "HEAD", first, head])  // through HEAD to main
        try same(runner, roots, ["update-ref", "-d", "refs/remotes/o/deep/loose"])  // empty folder removed
        try same(runner, roots, ["update-ref", "--no-deref", "HEAD", head])  // detaches
        try same(runner, roots, ["update-ref", "-d", "HEAD"])  // a detached HEAD itself: git removes the file
    }

    @Test func staleLockIsReportedLikeGit() throws {
        let runner = try CommandRunner()
        let roots = try twins(runner)
        let head = try runner.git(["rev-parse", "HEAD"], in: roots.git).out.trimmingCharacters(in: .newlines)
        for root in [roots.git, roots.pfad] {
            try Fixtures.write(root, ".git/refs/heads/side.lock", "")
            try Fixtures.write(root, ".git/packed-refs.lock", "")
        }
        try same(runner, roots, ["update-ref", "refs/heads/side", head])
        try same(runner, roots, ["update-ref", "-d", "refs/heads/side"])
        try same(runner, roots, ["update-ref", "-d", "refs/heads/alt"])  // packed: needs packed-refs.lock
        try same(runner, roots, ["update-ref", "-d", "refs/remotes/o/deep/loose"])  // loose only: git locks packed-refs too
    }
}
