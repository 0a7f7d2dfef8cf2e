import Foundation

/// What a finished process left behind.
struct ProcessResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the built `pfad` binary and the real `git` with a deterministic
/// environment (no system or global config, fixed identities and dates, UTC,
/// C locale), so their outputs can be compared byte for byte.
struct CommandRunner {
    /// Home folder for both tools (keeps ~/.gitconfig out).
    let home: URL
    /// Extra or overriding environment variables.
    var environment: [String: String] = [:]

    init() throws {
        home = try TempDir.make(prefix: "pfad-home")
    }

    /// The deterministic base environment.
    var baseEnvironment: [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": home.appendingPathComponent(".gitconfig").path,
            "GIT_AUTHOR_NAME": "Anna Schäfer",
            "GIT_AUTHOR_EMAIL": "anna.schaefer@arnsberg.example",
            "GIT_AUTHOR_DATE": "1700000000 +0100",
            "GIT_COMMITTER_NAME": "Jörg Müller",
            "GIT_COMMITTER_EMAIL": "joerg.mueller@soest.example",
            "GIT_COMMITTER_DATE": "1700000100 +0100",
            "TZ": "UTC",
            "LC_ALL": "C",
            "LANG": "C",
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "GIT_TERMINAL_PROMPT": "0",
        ]
        for (k, v) in environment { env[k] = v }
        return env
    }

    /// Runs `git ARGS` in `dir`.
    @discardableResult
    func git(_ args: [String], in dir: URL, stdin: [UInt8] = [], env: [String: String] = [:]) throws -> ProcessResult {
        try run(executable: Self.gitPath, args, in: dir, stdin: stdin, env: env)
    }

    /// Runs the built `pfad ARGS` in `dir`.
    @discardableResult
    func pfad(_ args: [String], in dir: URL, stdin: [UInt8] = [], env: [String: String] = [:]) throws -> ProcessResult {
        try run(executable: Self.pfadPath, args, in: dir, stdin: stdin, env: env)
    }

    /// Runs `executable ARGS` in `dir`, with stdin and output through temp
    /// files (no pipe deadlocks on large outputs).
    func run(executable: String, _ args: [String], in dir: URL, stdin: [UInt8] = [], env: [String: String] = [:]) throws -> ProcessResult {
        let scratch = try TempDir.make(prefix: "pfad-io")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("in")
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        try Data(stdin).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = dir
        var fullEnv = baseEnvironment
        for (k, v) in env { fullEnv[k] = v }
        process.environment = fullEnv
        let inHandle = try FileHandle(forReadingFrom: inURL)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try? inHandle.close()
        try? outHandle.close()
        try? errHandle.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: Array(try Data(contentsOf: outURL)),
            stderr: Array(try Data(contentsOf: errURL))
        )
    }

    /// Path of the real git.
    static let gitPath: String = {
        for candidate in ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "/usr/bin/git"
    }()

    /// Path of the `pfad` binary built alongside the tests.
    static let pfadPath: String = {
        if let override = ProcessInfo.processInfo.environment["PFAD_BIN"] { return override }
        let fm = FileManager.default
        // The test bundle sits in the products folder next to the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pfad").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // Fall back to the package's default build folder.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root = root.deletingLastPathComponent() }
        return root.appendingPathComponent(".build/debug/pfad").path
    }()
}

/// Temporary folders for tests, under /dev/shm when it exists (file creation
/// on this machine's disk is slow).
/// Every folder is removed when the test process exits.
enum TempDir {
    static func make(prefix: String) throws -> URL {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TempDirRegistry.shared.add(url)
        return url
    }
}

/// The folders `TempDir` made, removed at process exit (tests run in one process).
final class TempDirRegistry: @unchecked Sendable {
    static let shared: TempDirRegistry = {
        let registry = TempDirRegistry()
        atexit { TempDirRegistry.shared.removeAll() }
        return registry
    }()

    private let lock = NSLock()
    private var urls: [URL] = []

    func add(_ url: URL) {
        lock.lock()
        urls.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        let all = urls
        urls.removeAll()
        lock.unlock()
        for url in all { try? FileManager.default.removeItem(at: url) }
    }
}

