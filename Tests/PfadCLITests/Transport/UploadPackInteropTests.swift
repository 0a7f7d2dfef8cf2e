import Foundation
import Testing

/// Real git 2.39 fetching from `pfad upload-pack` (`--upload-pack=…` over
/// pipes, file:// URLs) in protocol v0 and v2. After every transfer:
/// `git fsck --strict` on the clone and the same refs on both sides
/// (v1 too for the main scenario).
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
        // A history with a branch, a merge and annotated tags, made by git and
        // packed (so pfad reuses stored deltas; later commits stay loose).
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
            git gc -q
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

    @Test(arguments: [0, 1, 2])
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

    @Test func sha256RepositoryClonesInBothVersions() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("sha256")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try Fixtures.writeGuideTree(repo)
        let script = """
            set -e
            git init -q --object-format=sha256 -b main .
            git add -A && git commit -q -m 'Leitfäden (sha256)'
            git tag -a v1 -m 'Version 1'
            """
        try bounded(["/bin/sh", "-c", script], in: repo, expectSuccess: true)
        for version in [0, 2] {
            let clone = root.appendingPathComponent("klon256-\(version)")
            let result = try git(
                ["-c", "protocol.version=\(version)", "clone", "-q", "--mirror", "--upload-pack=\(uploadPack)",
                 "file://" + repo.path, clone.path], in: root)
            #expect(result.status == 0, "\(result.err)")
            #expect(try refs(clone) == (try refs(repo)))
            try expectFsck(clone)
        }
    }

    @Test func unadvertisedWantIsRefusedWithGitsError() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // A commit no ref reaches. (git 2.39's own upload-pack serves it in
        // v2; pfad refuses wants that are not tips on a pipe: safer.)
        let tree = try git(["rev-parse", "HEAD^{tree}"], in: source).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let dangling = try git(["commit-tree", "-m", "unsichtbar", tree], in: source).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = root.appendingPathComponent("klon")
        #expect(try git(["clone", "-q", "--no-local", source.path, clone.path], in: root).status == 0)
        let before = try refs(clone)
        let result = try git(
            ["-c", "protocol.version=2", "fetch", "-q", "--upload-pack=\(uploadPack)", "origin", dangling], in: clone)
        #expect(result.status == 128)
        #expect(result.err.contains("fatal: remote error: upload-pack: not our ref \(dangling)"), "\(result.err)")
        #expect(try refs(clone) == before)
        #expect(try git(["cat-file", "-e", dangling], in: clone).status != 0)
    }

    @Test(arguments: [0, 2])
    func hiddenRefsAsGitHidesThem(version: Int) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try bounded(
            ["/bin/sh", "-c", "git config --add uploadpack.hideRefs refs/heads && git config --add transfer.hideRefs refs/tags/v1.0"
             + " && git config --add uploadpack.hideRefs '!refs/heads/main'"],
            in: source, expectSuccess: true)
        let url = "file://" + source.path
        let ours = try git(["-c", "protocol.version=\(version)", "ls-remote", "--upload-pack=\(uploadPack)", url], in: root)
        let theirs = try git(["-c", "protocol.version=\(version)", "ls-remote", url], in: root)
        #expect(ours.status == 0, "\(ours.err)")
        #expect(ours.out == theirs.out)
        #expect(!ours.out.contains("arnsberg/entwurf") && !ours.out.contains("v1.0") && ours.out.contains("refs/heads/main"))
    }

    @Test(arguments: [0, 2])
    func divergedClientNegotiatesOverSeveralRounds(version: Int) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let clone = root.appendingPathComponent("klon")
        #expect(try git(["clone", "-q", "--no-local", source.path, clone.path], in: root).status == 0)
        // 40 local commits the server never saw: the client's first haves are all unknown.
        // Newer dates than the shared history, so the client offers them first.
        let local = "for i in $(seq 1 40); do GIT_COMMITTER_DATE=\"$((1700001000 + i)) +0100\" "
            + "git commit -q --allow-empty -m \"lokal $i\"; done"
        try bounded(["/bin/sh", "-c", local], in: clone, expectSuccess: true)
        let old = try git(["rev-parse", "main"], in: source).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let change = "echo 'Soest: Allerheiligenkirmes' >> README.md && git commit -q -am 'Soest: Kirmes'"
        try bounded(["/bin/sh", "-c", change], in: source, expectSuccess: true)
        let expected = try git(["rev-list", "--objects", "main", "^\(old)"], in: source).out.split(separator: "\n").count
        let fetched = try git(
            ["-c", "protocol.version=\(version)", "fetch", "--progress", "--upload-pack=\(uploadPack)", "origin"], in: clone,
            env: ["GIT_TRACE_PACKET": "1"])
        #expect(fetched.status == 0, "\(fetched.err)")
        let haves = fetched.err.split(separator: "\n").filter { $0.contains("> have ") && !$0.contains("upload-pack") }.count
        #expect(haves > 32, "haves sent: \(haves)")
        #expect(fetched.err.contains("remote: Total \(expected) (delta"), "\(fetched.err.suffix(600))")
        #expect(try git(["rev-parse", "origin/main"], in: clone).out == (try git(["rev-parse", "main"], in: source).out))
        try expectFsck(clone)
    }

    /// A stand-in HTTP server for stateless (v0) fetches: Python's CGI
    /// handler running a script that answers `info/refs` and
    /// `git-upload-pack` through `pfad upload-pack --stateless-rpc`. (The
    /// real server, `pfad serve`, is tested by the HTTP work.) Python passes
    /// no `Git-Protocol` header to CGI, so this speaks v0 only.
    static let cgiScript = """
        #!/usr/bin/env python3
        # Smart HTTP (v0) for fetches through `pfad upload-pack --stateless-rpc`:
        # the test's stand-in for an HTTP server. Gzip request bodies are inflated.
        import gzip, os, subprocess, sys
        path = os.environ.get("PATH_INFO", "")
        repo = os.environ["GIT_PROJECT_ROOT"] + path.rsplit("/info/refs", 1)[0].rsplit("/git-upload-pack", 1)[0]
        command = os.environ["UPLOAD_PACK"].split(" ")
        out = sys.stdout.buffer
        if os.environ.get("REQUEST_METHOD") == "GET" and path.endswith("/info/refs"):
            out.write(b"Content-Type: application/x-git-upload-pack-advertisement\\r\\nCache-Control: no-cache\\r\\n\\r\\n")
            out.write(b"001e# service=git-upload-pack\\n0000")
            out.flush()
            sys.exit(subprocess.run(command + ["--stateless-rpc", "--advertise-refs", repo]).returncode)
        elif os.environ.get("REQUEST_METHOD") == "POST" and path.endswith("/git-upload-pack"):
            body = sys.stdin.buffer.read(int(os.environ.get("CONTENT_LENGTH") or 0))
            if body[:2] == b"\\x1f\\x8b":
                body = gzip.decompress(body)
            out.write(b"Content-Type: application/x-git-upload-pack-result\\r\\nCache-Control: no-cache\\r\\n\\r\\n")
            out.flush()
            sys.exit(subprocess.run(command + ["--stateless-rpc", repo], input=body).returncode)
        out.write(b"Status: 404 Not Found\\r\\n\\r\\n")
        """

    static let serverScript = """
        import http.server, sys, os, threading
        threading.Timer(120, os._exit, [0]).start()  # never outlive a test run
        os.chdir(sys.argv[1])
        class Handler(http.server.CGIHTTPRequestHandler):
            have_fork = False  # run scripts with subprocess as the current user (no setuid to nobody)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Starts the server on a free port of 127.0.0.1 (it exits after 120 s at the latest).
    func startCGIServer() throws -> (process: Process, port: Int) {
        let www = root.appendingPathComponent("www")
        try Fixtures.write(www, "cgi-bin/git.py", Self.cgiScript, executable: true)
        try Fixtures.write(www, "serve.py", Self.serverScript)
        let process = Process()
        // No `timeout` wrapper: a spawned child may inherit a blocked SIGTERM,
        // so the server stops itself after 120 s and the test sends SIGKILL.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", www.appendingPathComponent("serve.py").path, www.path]
        var environment = runner.baseEnvironment
        environment["GIT_PROJECT_ROOT"] = root.path
        environment["UPLOAD_PACK"] = CommandRunner.pfadPath + " upload-pack"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port; read it byte by byte (no waiting for EOF).
        var line: [UInt8] = []
        while line.count < 16 {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first, first != 0x0A else { break }
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown)
        }
        return (process, port)
    }

    @Test func statelessHTTPCloneAndMultiRoundFetch() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, port) = try startCGIServer()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let url = "http://127.0.0.1:\(port)/cgi-bin/git.py/quelle"
        let v0 = ["-c", "protocol.version=0"]
        let mirror = root.appendingPathComponent("spiegel.git")
        let mirrored = try git(v0 + ["clone", "-q", "--mirror", url, mirror.path], in: root)
        #expect(mirrored.status == 0, "\(mirrored.err)")
        #expect(try refs(mirror) == (try refs(source)))
        try expectFsck(mirror)

        let clone = root.appendingPathComponent("klon")
        #expect(try git(v0 + ["clone", "-q", url, clone.path], in: root).status == 0)
        // 40 newer local commits offered first, and an unrelated older branch
        // still to offer when the common commit turns up: the client is not
        // out of haves when the server gets ready.
        let local = "for i in $(seq 1 40); do GIT_COMMITTER_DATE=\"$((1700001000 + i)) +0100\" "
            + "git commit -q --allow-empty -m \"lokal $i\"; done && git checkout -q --orphan alt && "
            + "for i in $(seq 1 40); do GIT_COMMITTER_DATE=\"$((1690000000 + i)) +0100\" "
            + "git commit -q --allow-empty -m \"alt $i\"; done && git checkout -q main"
        try bounded(["/bin/sh", "-c", local], in: clone, expectSuccess: true)
        let old = try git(["rev-parse", "main"], in: source).out.trimmingCharacters(in: .whitespacesAndNewlines)
        try bounded(["/bin/sh", "-c", "echo 'Olpe: Stadtfest' >> README.md && git commit -q -am 'Olpe: Stadtfest'"], in: source,
                    expectSuccess: true)
        let expected = try git(["rev-list", "--objects", "main", "^\(old)"], in: source).out.split(separator: "\n").count
        // Each stateless round is a new POST carrying the wants and the haves so far.
        let fetched = try git(v0 + ["fetch", "--progress", "origin"], in: clone, env: ["GIT_TRACE_PACKET": "1"])
        #expect(fetched.status == 0, "\(fetched.err.suffix(800))")
        #expect(fetched.err.components(separatedBy: "> 0000").count > 3, "several rounds expected")
        // `no-done`: the pack came with the ready round, no `done` was needed.
        #expect(!fetched.err.contains("> done"), "\(fetched.err.suffix(800))")
        #expect(fetched.err.contains("remote: Total \(expected) (delta"), "\(fetched.err.suffix(800))")
        #expect(try git(["rev-parse", "origin/main"], in: clone).out == (try git(["rev-parse", "main"], in: source).out))
        try expectFsck(clone)
    }

    @Test func badRequestsEndAsGitsDo() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let stranger = String(repeating: "1", count: 40)
        // (request, GIT_PROTOCOL, compare standard output too)
        let cases: [(String, String, Bool)] = [
            ("0012command=bogus\n0000", "version=2", false),  // git writes no ERR here, pfad does
            ("0032want \(stranger)\n00000009done\n", "", true),
        ]
        for (request, gitProtocol, compareOutput) in cases {
            var results: [ProcessResult] = []
            for command in [[CommandRunner.gitPath, "upload-pack"], [CommandRunner.pfadPath, "upload-pack"]] {
                results.append(try runner.run(
                    executable: "/usr/bin/timeout", ["-k", "5", "60"] + command + ["--stateless-rpc", source.path], in: root,
                    stdin: Array(request.utf8), env: ["GIT_PROTOCOL": gitProtocol]))
            }
            #expect(results[1].status == results[0].status)
            #expect(results[1].err == results[0].err)
            if compareOutput { #expect(results[1].stdout == results[0].stdout) }
        }
    }

    @Test func refusesWhatIsNotARepository() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("gibt-es-nicht").path
        let result = try git(["clone", "-q", "--upload-pack=\(uploadPack)", "file://" + missing, "x"], in: root)
        #expect(result.status != 0)
        #expect(result.err.contains("'\(missing)' does not appear to be a git repository"), "\(result.err)")
    }
}
