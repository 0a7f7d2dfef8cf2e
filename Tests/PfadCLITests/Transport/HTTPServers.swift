import Foundation

/// A server process started by a test (`pfad serve` or the CGI runner for
/// `git http-backend`), on 127.0.0.1 with a port the server chose itself
/// (read from its first line of output). Killed by `stop()` and, at the
/// latest, after `lifetime` seconds so that no test can hang.
final class TestServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let logURL: URL

    /// Starts `executable args`; waits (up to 30 s) for a line containing
    /// `listening on …PORT`.
    init(executable: String, _ args: [String], environment: [String: String], lifetime: TimeInterval = 120) throws {
        let scratch = try TempDir.make(prefix: "pfad-server")
        let outURL = scratch.appendingPathComponent("out")
        logURL = scratch.appendingPathComponent("log")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: logURL)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on "), text[range.upperBound...].contains("\n") {
                // The port is the last run of digits on the line.
                let line = text[range.upperBound...].prefix(while: { $0 != "\n" })
                found = line.split(whereSeparator: { !$0.isNumber }).last.flatMap { Int($0) }
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
            throw TestServerError.didNotStart(executable + " " + args.joined(separator: " ") + ": " + log)
        }
        port = found
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + lifetime) { [weak process] in
            if let process, process.isRunning, process.processIdentifier == pid { kill(pid, SIGKILL) }
        }
    }

    /// `http://127.0.0.1:PORT/` followed by `path`.
    func url(_ path: String, user: String? = nil) -> String {
        "http://\(user.map { $0 + "@" } ?? "")127.0.0.1:\(port)/\(path)"
    }

    /// What the server wrote on standard error (pfad serve's request log).
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// `pfad serve ROOT --port 0 EXTRA…`.
    static func pfadServe(root: URL, _ extra: [String] = [], runner: CommandRunner) throws -> TestServer {
        try TestServer(executable: CommandRunner.pfadPath, ["serve", "--port", "0"] + extra + [root.path], environment: runner.baseEnvironment)
    }

    /// `git http-backend` for every repository under `root`, through the
    /// CGI runner in `Benchmarks/transport/git-http-backend-server.py`.
    static func gitHTTPBackend(root: URL, runner: CommandRunner) throws -> TestServer {
        var script = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { script = script.deletingLastPathComponent() }
        script = script.appendingPathComponent("Benchmarks/transport/git-http-backend-server.py")
        return try TestServer(executable: "/usr/bin/python3", [script.path, root.path], environment: runner.baseEnvironment)
    }
}

enum TestServerError: Error, CustomStringConvertible {
    case didNotStart(String)
    var description: String {
        switch self {
        case .didNotStart(let detail): "server did not start: \(detail)"
        }
    }
}
