import Foundation
import Testing

/// Real git 2.39 fetching from `pfad upload-pack` (`--upload-pack=…` over
/// pipes, file:// URLs) in protocol v0 and v2. After every transfer:
/// `git fsck --strict` on the clone and the same refs on both sides.
/// Every git process runs under `timeout` so a hang cannot stall the suite.
@Suite struct UploadPackInteropTests {
    let runner: CommandRunner
    let root: URL
    let source: URL

    init() throws {
        runner = try CommandRunner()
        root = try TempDir.make(prefix: "pfad-upload-interop")
        source = root.appendingPathComponent("quelle")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Fixtures.writeGuideTree(source)
        // A history with a branch, a merge and annotated tags, made by git.
        let script = """
            set -e
            git init -q -b main .
            git add -A && git commit -q -m 'Leitfäden: erste Fassung'
            git tag -a v1.0 -m 'Version 1.0'
            git checkout -q -b arnsberg/entwurf
            echo 'Neue Öffnungszeiten' > 'Leitfäden/Öffnungszeiten.md'
            git add -A && git commit -q -m 'Arnsberg: Öffnungszeiten'
            git checkout -q main
            echo 'Beteiligung vor Ort' >> 'Leitfäden/02 Beteiligung/Bürgerbeteiligung.md'
            git commit -q -am 'Menden: Beteiligung'
            git merge -q --no-ff -m 'Merge arnsberg/entwurf' arnsberg/entwurf
            git tag -a v1.1 -m 'Version 1.1'
            """
        try bounded(["/bin/sh", "-c", script], in: source, expectSuccess: true)
    }

    /// Runs `args` under `timeout 60` (killed 5 s later if it ignores TERM).
    @discardableResult
    func bounded(_ args: [String], in dir: URL, env: [String: String] = [:], expectSuccess: Bool = false) throws -> ProcessResult {
        let result = try runner.run(executable: "/usr/bin/timeout", ["-k", "5", "60"] + args, in: dir, env: env)
        if expectSuccess { #expect(result.status == 0, "\(args.joined(separator: " "))\n\(result.err)") }
        return result
    }

    func git(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> ProcessResult {
        try bounded([CommandRunner.gitPath] + args, in: dir, env: env)
    }

    var uploadPack: String { "'\(CommandRunner.pfadPath)' upload-pack" }

    /// `git show-ref` (heads, tags, dereferenced tags) of a repository.
    func refs(_ dir: URL) throws -> String {
        try git(["show-ref", "--heads", "--tags", "-d"], in: dir).out
    }

    func expectFsck(_ dir: URL) throws {
        let fsck = try git(["fsck", "--strict", "--no-progress"], in: dir)
        #expect(fsck.status == 0, "fsck in \(dir.lastPathComponent): \(fsck.out)\(fsck.err)")
    }

    @Test(arguments: [0, 2])
    func cloneFetchAndLsRemote(version: Int) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = "file://" + source.path
        let protocolVersion = ["-c", "protocol.version=\(version)"]

        // ls-remote: same listing as from git's own upload-pack.
        let ours = try git(protocolVersion + ["ls-remote", "--upload-pack=\(uploadPack)", url], in: root)
        let theirs = try git(protocolVersion + ["ls-remote", url], in: root)
        #expect(ours.status == 0, "\(ours.err)")
        #expect(ours.out == theirs.out)

        // Mirror clone: every ref equal, fsck clean.
        let mirror = root.appendingPathComponent("spiegel.git")
        let mirrored = try git(protocolVersion + ["clone", "-q", "--mirror", "--upload-pack=\(uploadPack)", url, mirror.path], in: root)
        #expect(mirrored.status == 0, "\(mirrored.err)")
        #expect(try refs(mirror) == (try refs(source)))
        try expectFsck(mirror)

        // Normal clone with checkout.
        let clone = root.appendingPathComponent("klon")
        let cloned = try git(protocolVersion + ["clone", "-q", "--upload-pack=\(uploadPack)", url, clone.path], in: root)
        #expect(cloned.status == 0, "\(cloned.err)")
        try expectFsck(clone)
        #expect(try git(["rev-parse", "HEAD", "v1.1^{}", "origin/arnsberg/entwurf"], in: clone).out
            == (try git(["rev-parse", "HEAD", "v1.1^{}", "arnsberg/entwurf"], in: source).out))
        #expect(try git(["status", "--porcelain"], in: clone).out == "")

        // New commits made by pfad on the serving side; the fetch sends only what is missing.
        let old = try git(["rev-parse", "main"], in: source).out.trimmingCharacters(in: .whitespacesAndNewlines)
        try Fixtures.write(source, "Leitfäden/Olpe.md", "# Olpe\n\nBiggesee, Führungen sonntags.\n")
        #expect(try runner.pfad(["add", "-A"], in: source).status == 0)
        #expect(try runner.pfad(["commit", "-q", "-m", "Olpe: neuer Leitfaden"], in: source).status == 0)
        try bounded(["/bin/sh", "-c", "git tag -a v1.2 -m 'Version 1.2'"], in: source, expectSuccess: true)
        let expectedCount = try git(["rev-list", "--objects", "main", "v1.2", "^\(old)"], in: source).out
            .split(separator: "\n").count
        let fetched = try git(protocolVersion + ["fetch", "--progress", "--upload-pack=\(uploadPack)", "origin"], in: clone)
        #expect(fetched.status == 0, "\(fetched.err)")
        #expect(fetched.err.contains("remote: Total \(expectedCount) (delta"), "\(fetched.err)")
        try expectFsck(clone)
        #expect(try git(["rev-parse", "origin/main", "v1.2"], in: clone).out == (try git(["rev-parse", "main", "v1.2"], in: source).out))

        // Nothing new: no want is sent, so no pack moves.
        let again = try git(
            protocolVersion + ["fetch", "--upload-pack=\(uploadPack)", "origin"], in: clone, env: ["GIT_TRACE_PACKET": "1"])
        #expect(again.status == 0, "\(again.err)")
        #expect(!again.err.contains("> want "), "\(again.err)")
        #expect(!again.err.contains("packfile"))
        #expect(!again.err.contains("PACK"))

        // The mirror updated too: identical refs again.
        #expect(try git(protocolVersion + ["fetch", "-q", "--upload-pack=\(uploadPack)"], in: mirror).status == 0)
        #expect(try refs(mirror) == (try refs(source)))
        try expectFsck(mirror)
    }

    @Test func refusesWhatIsNotARepository() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("gibt-es-nicht").path
        let result = try git(["clone", "-q", "--upload-pack=\(uploadPack)", "file://" + missing, "x"], in: root)
        #expect(result.status != 0)
        #expect(result.err.contains("'\(missing)' does not appear to be a git repository"), "\(result.err)")
    }
}
