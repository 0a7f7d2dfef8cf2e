import ArgumentParser
import Foundation
import PfadRepository
import PfadServer
import PfadTransport

/// `pfad serve`: git's smart HTTP for every repository under ROOT
/// (`Spec/transport.md`, "HTTP server"). `--hash-password` instead reads a
/// password from standard input and prints its bcrypt hash for the users file.
struct ServeCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the repositories under ROOT over git's smart HTTP.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port; the one chosen is printed).")
    var port = 8080

    @Option(help: "Users file: 'name bcrypt-hash ref-pattern...' per line; pushes need one of these users.")
    var users: String?

    @Flag(name: .customLong("no-anonymous-read"), help: "Require credentials for fetch and clone too.")
    var noAnonymousRead = false

    @Flag(name: .customLong("allow-non-fast-forward"), help: "Accept forced (non-fast-forward) pushes.")
    var allowNonFastForward = false

    @Option(name: .customLong("max-body-size"), help: "Largest push request body in bytes (default 256 MiB).")
    var maxBodySize = 256 << 20

    @Option(name: .customLong("max-objects"), help: "Most objects one push may carry.")
    var maxObjects: Int?

    @Option(name: .customLong("header-timeout"), help: "Seconds a client has to send a request's head (default 10).")
    var headerTimeout = 10

    @Option(name: .customLong("idle-timeout"), help: "Longest pause in seconds while a request body arrives (default 60).")
    var idleTimeout = 60

    @Option(name: .customLong("max-connections-per-address"), help: "Most connections one client address may hold (default 32).")
    var maxConnectionsPerAddress = 32

    @Option(name: .customLong("max-concurrent-services"), help: "Most fetches and pushes served at once; more wait in line (default: twice the cores).")
    var maxConcurrentServices: Int?

    @Option(name: .customLong("login-attempts"), help: "Failed logins per user and per address before they are locked, 1 s at first, doubling (default 5).")
    var loginAttempts = 5

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Flag(name: .customLong("hash-password"), help: "Read a password from standard input, print its bcrypt hash, exit.")
    var hashPassword = false

    @Option(help: "bcrypt cost for --hash-password (4...20; each step doubles the work).")
    var cost: UInt8 = 12

    @Argument(help: "Directory holding the repositories (NAME.git or NAME/.git).")
    var root: String?

    func run(_ io: CommandIO) throws {
        if hashPassword {
            guard (4...20).contains(cost) else { throw UsageError("--cost must be between 4 and 20") }
            let input = FileHandle.standardInput.readDataToEndOfFile()
            let password = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .newlines)
            guard !password.isEmpty else { throw FatalError("no password on standard input") }
            io.out.line(UsersFile.hash(password: password, cost: cost))
            return
        }
        guard let root else { throw UsageError("serve needs a ROOT directory") }
        guard maxBodySize > 0 else { throw UsageError("--max-body-size must be positive") }
        guard headerTimeout > 0, idleTimeout > 0 else { throw UsageError("--header-timeout and --idle-timeout must be positive") }
        guard maxConnectionsPerAddress > 0 else { throw UsageError("--max-connections-per-address must be positive") }
        guard loginAttempts >= 0 else { throw UsageError("--login-attempts must not be negative") }
        var configuration = ServerConfiguration(root: root, handlers: Self.makeHandler)
        configuration.host = host
        configuration.port = port
        configuration.users = try users.map { try UsersFile.load(path: $0) }
        configuration.anonymousRead = !noAnonymousRead
        configuration.allowNonFastForward = allowNonFastForward
        configuration.maximumReceiveBody = maxBodySize
        configuration.maximumObjects = maxObjects
        configuration.headerTimeout = .seconds(headerTimeout)
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.maximumConnectionsPerAddress = maxConnectionsPerAddress
        configuration.freeLoginAttempts = loginAttempts
        if let maxConcurrentServices {
            guard maxConcurrentServices > 0 else { throw UsageError("--max-concurrent-services must be positive") }
            configuration.maximumConcurrentServices = maxConcurrentServices
        }
        let server = try GitHTTPServer(configuration: configuration, logLevel: logLevel)
        let host = self.host
        try server.runBlocking { port in
            FileHandle.standardOutput.write(Data("pfad serve: listening on http://\(host):\(port)/\n".utf8))
        }
    }

    /// The service handlers of the upload and receive parts, over HTTP
    /// (stateless). Pushes are recorded in the reflogs under the user's name
    /// (`arnsberg <arnsberg@pfad-serve>`), as git http-backend records
    /// `REMOTE_USER`.
    @Sendable static func makeHandler(repository: Repository, service: GitService, version: ProtocolVersion,
                                      policy: ReceivePolicy, user: String?) throws -> ServiceHandler {
        switch service {
        case .uploadPack:
            return UploadPack(repository: repository, version: version, stateless: true)
        case .receivePack:
            let pusher = user.map { Array("\($0) <\($0)@pfad-serve>".utf8) }
            return ReceivePack(repository: repository, version: version, stateless: true, policy: policy, pusher: pusher)
        }
    }
}
