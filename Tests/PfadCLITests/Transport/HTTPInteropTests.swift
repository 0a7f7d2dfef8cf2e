import Foundation
import Testing

/// Smart HTTP end to end on 127.0.0.1: real git against `pfad serve`, and
/// `pfad` against `git http-backend`. After every transfer both sides pass
/// `git fsck --strict` and hold the same refs. Every git and pfad process
/// runs under `timeout`, every server is killed at the end (and after two
/// minutes at the latest).
@Suite(.serialized, .timeLimit(.minutes(3))) struct HTTPInteropTests {
    let runner: CommandRunner

    init() throws {
        runner = try CommandRunner()
    }

    /// `git ARGS` in `dir`, killed after 60 s.
    @discardableResult
    func git(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.gitPath] + args, in: dir, env: env)
    }

    /// `pfad ARGS` in `dir`, killed after 60 s.
    @discardableResult
    func pfad(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.pfadPath] + args, in: dir, env: env)
    }

    /// `refname id` lines of every ref (and HEAD's target) in `gitDir`.
    func refs(_ dir: URL) throws -> String {
        try git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"], in: dir).out
    }

    /// Refs as a remote sees them, in `refs(_:)`'s format.
    func remoteRefs(_ url: String, in dir: URL) throws -> String {
        let result = try git(["ls-remote", "--heads", "--tags", url], in: dir)
        #expect(result.status == 0, "\(result.err)")
        return result.out.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return "\(parts.count > 1 ? parts[1] : "") \(parts.first ?? "")"
        }.sorted().joined(separator: "\n") + (result.out.isEmpty ? "" : "\n")
    }

    func expectFsck(_ dir: URL) throws {
        let result = try git(["fsck", "--strict", "--no-progress"], in: dir)
        #expect(result.status == 0, "git fsck --strict in \(dir.path): \(result.out)\(result.err)")
    }

    /// A served root with `katalog.git` (bare; 3 commits on main, a tag, a
    /// branch arnsberg/wege) and a users file: agentur may push anything,
    /// arnsberg only refs/heads/arnsberg/*; both with password "geheim".
    func makeRoot() throws -> (root: URL, work: URL, users: URL) {
        let base = try TempDir.make(prefix: "pfad-http")
        let work = base.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main", "."], in: work)
        try Fixtures.writeGuideTree(work)
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "Wanderführer Arnsberg"], in: work)
        try Fixtures.write(work, "olpe/biggesee.md", "# Biggesee\nRundweg 22 km\n")
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "Olpe: Biggesee"], in: work)
        try git(["tag", "-a", "-m", "Ausgabe 1", "v1"], in: work)
        try git(["branch", "arnsberg/wege"], in: work)
        try Fixtures.write(work, "soest/dom.md", "# Patrokli-Dom\n")
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "Soest: Dom"], in: work)
        let root = base.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git(["clone", "-q", "--bare", work.path, root.appendingPathComponent("katalog.git").path], in: base)
        let hash = try pfad(["serve", "--hash-password", "--cost", "4"], in: base, env: [:], stdin: "geheim\n")
        #expect(hash.status == 0, "\(hash.err)")
        let line = hash.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let users = base.appendingPathComponent("users")
        try "agentur \(line) refs/*\narnsberg \(line) refs/heads/arnsberg/*\n".write(to: users, atomically: true, encoding: .utf8)
        return (root, work, users)
    }
}

extension HTTPInteropTests {
    /// `pfad ARGS` with standard input.
    func pfad(_ args: [String], in dir: URL, env: [String: String], stdin: String) throws -> ProcessResult {
        try runner.run(executable: "/usr/bin/timeout", ["60", CommandRunner.pfadPath] + args, in: dir, stdin: Array(stdin.utf8), env: env)
    }
}

// MARK: - Access refusals that need no service

extension HTTPInteropTests {
    @Test func gitSeesAuthenticationFailedAndNotFoundLikeFromAnyServer() throws {
        let (root, work, users) = try makeRoot()
        let server = try TestServer.pfadServe(root: root, ["--users", users.path], runner: runner)
        defer { server.stop() }
        let before = try refs(root.appendingPathComponent("katalog.git"))
        // Wrong password: git asks no one (GIT_TERMINAL_PROMPT=0) and gives up.
        let push = try git(["push", server.url("katalog.git", user: "agentur:falsch"), "main:refs/heads/neu"], in: work)
        #expect(push.status == 128)
        #expect(push.err.contains("fatal: Authentication failed for '\(server.url("katalog.git"))/'"), "\(push.err)")
        // No credentials at all for a push.
        let anonymous = try git(["push", server.url("katalog.git"), "main:refs/heads/neu"], in: work)
        #expect(anonymous.status == 128)
        #expect(anonymous.err.contains("terminal prompts disabled") || anonymous.err.contains("Authentication failed"), "\(anonymous.err)")
        // An unknown repository and a path escaping the root.
        let missing = try git(["ls-remote", server.url("menden.git")], in: work)
        #expect(missing.status == 128)
        #expect(missing.err.contains("fatal: repository '\(server.url("menden.git"))/' not found"), "\(missing.err)")
        let escape = try git(["ls-remote", server.url("x/%2e%2e/%2e%2e/katalog.git")], in: work)
        #expect(escape.status == 128)
        #expect(try refs(root.appendingPathComponent("katalog.git")) == before)
        server.stop()
        #expect(server.log.contains("status=401"), "\(server.log)")
        #expect(server.log.contains("status=404"), "\(server.log)")
    }

    @Test func hashPasswordWritesABcryptHashGitCannotTellFromAnyOther() throws {
        let base = try TempDir.make(prefix: "pfad-hash")
        let result = try pfad(["serve", "--hash-password", "--cost", "5"], in: base, env: [:], stdin: "geheim\n")
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("$2b$05$") && result.out.count == 61, "\(result.out)")
        let empty = try pfad(["serve", "--hash-password"], in: base, env: [:], stdin: "")
        #expect(empty.status == 128)
        #expect(empty.err == "fatal: no password on standard input\n")
    }
}
