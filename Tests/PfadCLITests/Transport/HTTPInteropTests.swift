import Foundation
import PfadTestSupport
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

    /// A clone's remote-tracking branches (as `refs/heads/…`) and tags, in
    /// `refs(_:)`'s format, to compare with the remote's `refs(_:)`.
    func trackingRefs(_ dir: URL) throws -> String {
        let out = try git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/remotes/origin", "refs/tags"], in: dir).out
        return out.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("refs/remotes/origin/HEAD ") { return nil }
            return line.hasPrefix("refs/remotes/origin/") ? "refs/heads/" + line.dropFirst("refs/remotes/origin/".count) : String(line)
        }.sorted().joined(separator: "\n") + "\n"
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

// MARK: - Real git against pfad serve

extension HTTPInteropTests {
    @Test(arguments: ["2", "0"])
    func gitClonesFetchesAndPushesThroughPfadServe(_ protocolVersion: String) throws {
        let (root, work, users) = try makeRoot()
        let served = root.appendingPathComponent("katalog.git")
        let server = try TestServer.pfadServe(root: root, ["--users", users.path], runner: runner)
        defer { server.stop() }
        let base = work.deletingLastPathComponent()
        let clone = base.appendingPathComponent("clone")
        let cloned = try git(["-c", "protocol.version=\(protocolVersion)", "clone", "-q", server.url("katalog.git"), clone.path], in: base)
        #expect(cloned.status == 0, "\(cloned.err)")
        #expect(try refs(clone) .contains("refs/heads/main"))
        #expect(try remoteRefs(server.url("katalog.git"), in: base) == remoteRefs(served.path, in: base))
        #expect(try git(["rev-parse", "origin/main"], in: clone).out == git(["rev-parse", "main"], in: served).out)
        try expectFsck(clone)

        // Push a new commit as the agency (may push anything); the reflog
        // names the pusher, as git http-backend records REMOTE_USER.
        try git(["config", "core.logAllRefUpdates", "true"], in: served)
        try Fixtures.write(clone, "menden/hoenne.md", "# Hönnetal\n")
        try git(["add", "-A"], in: clone)
        try git(["commit", "-q", "-m", "Menden: Hönnetal"], in: clone)
        let push = try git(["-c", "protocol.version=\(protocolVersion)", "push", server.url("katalog.git", user: "agentur:geheim"), "main"], in: clone)
        #expect(push.status == 0, "\(push.err)")
        #expect(try git(["rev-parse", "main"], in: served).out == git(["rev-parse", "main"], in: clone).out)
        #expect(try git(["log", "-g", "-1", "--format=%gn <%ge> %gs", "main"], in: served).out == "agentur <agentur@pfad-serve> push\n")
        try expectFsck(served)

        // A second fetch with nothing new asks for nothing and gets no pack.
        let trace = try git(["-c", "protocol.version=\(protocolVersion)", "fetch", server.url("katalog.git"), "+refs/heads/*:refs/remotes/origin/*"],
                            in: clone, env: ["GIT_TRACE_PACKET": "1"])
        #expect(trace.status == 0, "\(trace.err)")
        #expect(!trace.err.contains("> want "), "\(trace.err)")
        #expect(!trace.err.contains("PACK"), "\(trace.err)")
        #expect(try remoteRefs(server.url("katalog.git"), in: base) == remoteRefs(served.path, in: base))
        server.stop()
        #expect(server.log.contains("service=git-receive-pack status=200 user=agentur"), "\(server.log)")
    }

    @Test func pushesGitMustRefuseAreRefusedAndNoRefMoves() throws {
        let (root, work, users) = try makeRoot()
        let served = root.appendingPathComponent("katalog.git")
        let server = try TestServer.pfadServe(root: root, ["--users", users.path, "--max-body-size", "200000"], runner: runner)
        defer { server.stop() }
        let before = try refs(served)
        let arnsberg = server.url("katalog.git", user: "arnsberg:geheim")
        let agentur = server.url("katalog.git", user: "agentur:geheim")

        // Arnsberg may not update main.
        try Fixtures.write(work, "arnsberg/sauerland.md", "# Sauerland\n")
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "Arnsberg: Sauerland"], in: work)
        let denied = try git(["push", arnsberg, "main"], in: work)
        #expect(denied.status == 1)
        #expect(denied.err.contains("! [remote rejected] main -> main"), "\(denied.err)")
        // ... but its own branches.
        let own = try git(["push", arnsberg, "main:refs/heads/arnsberg/sauerland"], in: work)
        #expect(own.status == 0, "\(own.err)")
        // A multi-ref push is all-or-nothing on pfad serve, even without --atomic:
        // the permitted ref is not created when another ref is refused.
        let mixed = try git(["push", arnsberg, "main:refs/heads/arnsberg/zwei", "main:refs/heads/main"], in: work)
        #expect(mixed.status == 1)
        #expect(mixed.err.contains("arnsberg/zwei (atomic push failure)"), "\(mixed.err)")
        #expect(mixed.err.contains("main -> main (permission denied)"), "\(mixed.err)")
        #expect(try git(["rev-parse", "--verify", "-q", "refs/heads/arnsberg/zwei"], in: served).status != 0)

        // A forced non-fast-forward push is refused by the server.
        try git(["commit", "-q", "--amend", "-m", "Arnsberg: Sauerland (neu)"], in: work)
        let forced = try git(["push", "--force", agentur, "main~2:refs/heads/main"], in: work)
        #expect(forced.status == 1)
        #expect(forced.err.contains("! [remote rejected] main~2 -> main"), "\(forced.err)")

        // A tree with an entry ".git" is refused (fsck), nothing is stored under a ref.
        let evilBlob = try runner.run(executable: CommandRunner.gitPath, ["hash-object", "-w", "--stdin"], in: work, stdin: Array("[core]\n\tfsmonitor = echo boom\n".utf8))
        let evilTree = try runner.run(executable: CommandRunner.gitPath, ["mktree"], in: work,
                                      stdin: Array("040000 tree \(try emptyTree(in: work))\t.git\n100644 blob \(evilBlob.out.trimmingCharacters(in: .whitespacesAndNewlines))\tREADME\n".utf8))
        #expect(evilTree.status == 0, "\(evilTree.err)")
        let evilCommit = try git(["commit-tree", evilTree.out.trimmingCharacters(in: .whitespacesAndNewlines), "-p", "main", "-m", "evil"], in: work)
        let evil = try git(["push", agentur, "\(evilCommit.out.trimmingCharacters(in: .whitespacesAndNewlines)):refs/heads/evil"], in: work)
        #expect(evil.status != 0)
        #expect(evil.err.contains("remote rejected") || evil.err.contains("unpack"), "\(evil.err)")

        // An oversized body: 413, git reports the failed RPC.
        var rng = SeededGenerator(seed: 7)
        try Fixtures.write(work, "gross.bin", (0..<400_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "gross"], in: work)
        let big = try git(["push", agentur, "HEAD:refs/heads/gross"], in: work)
        #expect(big.status != 0)
        #expect(big.err.contains("413"), "\(big.err)")

        var after = try refs(served)
        after = after.split(separator: "\n").filter { !$0.hasPrefix("refs/heads/arnsberg/sauerland ") }.joined(separator: "\n") + "\n"
        #expect(after == before)
        try expectFsck(served)
        #expect(!(try git(["rev-parse", "--verify", "-q", "refs/heads/evil"], in: served).status == 0))
    }

    func emptyTree(in dir: URL) throws -> String {
        try runner.run(executable: CommandRunner.gitPath, ["mktree"], in: dir, stdin: []).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

// MARK: - pfad against git http-backend, and pfad against pfad

extension HTTPInteropTests {
    @Test func pfadClonesFetchesAndPushesThroughGitHTTPBackend() throws {
        let (root, work, _) = try makeRoot()
        let served = root.appendingPathComponent("katalog.git")
        try git(["config", "http.receivepack", "true"], in: served)
        let server = try TestServer.gitHTTPBackend(root: root, runner: runner)
        defer { server.stop() }
        try pfadRoundTrip(server: server, served: served, work: work, pushURL: server.url("katalog.git"))
    }

    @Test func pfadClonesFetchesAndPushesThroughPfadServe() throws {
        let (root, work, users) = try makeRoot()
        let served = root.appendingPathComponent("katalog.git")
        let server = try TestServer.pfadServe(root: root, ["--users", users.path], runner: runner)
        defer { server.stop() }
        try pfadRoundTrip(server: server, served: served, work: work, pushURL: server.url("katalog.git", user: "agentur:geheim"))
        server.stop()
        #expect(server.log.contains("user=agentur"), "\(server.log)")
    }

    /// pfad clone, second fetch (nothing new), commit, pfad push; git checks
    /// both sides after each step.
    func pfadRoundTrip(server: TestServer, served: URL, work: URL, pushURL: String) throws {
        let base = work.deletingLastPathComponent()
        let clone = base.appendingPathComponent("pfad-clone")
        let cloned = try pfad(["clone", "-q", server.url("katalog.git"), clone.path], in: base)
        #expect(cloned.status == 0, "\(cloned.err)")
        try expectFsck(clone)
        #expect(try trackingRefs(clone) == refs(served))
        #expect(try git(["rev-parse", "origin/main"], in: clone).out == git(["rev-parse", "main"], in: served).out)
        #expect(try git(["status", "--porcelain"], in: clone).out == "")

        let objectsBefore = try git(["count-objects", "-v"], in: clone).out
        let again = try pfad(["fetch"], in: clone)
        #expect(again.status == 0, "\(again.err)")
        #expect(try git(["count-objects", "-v"], in: clone).out == objectsBefore)

        try Fixtures.write(clone, "bad-berleburg/schloss.md", "# Schloss Berleburg\n")
        try git(["add", "-A"], in: clone)
        try git(["commit", "-q", "-m", "Bad Berleburg: Schloss"], in: clone)
        let push = try pfad(["push", pushURL, "main"], in: clone)
        #expect(push.status == 0, "\(push.err)")
        #expect(try git(["rev-parse", "main"], in: served).out == git(["rev-parse", "main"], in: clone).out)
        try expectFsck(served)
        let fetched = try pfad(["fetch", "-q"], in: clone)
        #expect(fetched.status == 0, "\(fetched.err)")
        #expect(try git(["rev-parse", "origin/main"], in: clone).out == git(["rev-parse", "main"], in: served).out)
    }
}
