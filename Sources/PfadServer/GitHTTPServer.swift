import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PfadStore

/// `pfad serve`: git's smart HTTP over every repository under a root, on
/// Hummingbird. Runs until SIGINT or SIGTERM, then shuts down gracefully
/// (requests in flight finish).
public struct GitHTTPServer: Sendable {
    /// What is served and how.
    public let configuration: ServerConfiguration
    private let resolver: RepositoryResolver
    private let logger: Logger

    /// A server for `configuration`, logging to standard error at `logLevel`
    /// (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`).
    /// - Throws: `ServerError.invalidRoot` if the root is not a directory,
    ///   `.startup` for an unknown log level.
    public init(configuration: ServerConfiguration, logLevel: String = "info") throws {
        guard let level = Logger.Level(rawValue: logLevel) else { throw ServerError.startup("unknown log level '\(logLevel)'") }
        self.configuration = configuration
        self.resolver = try RepositoryResolver(root: configuration.root)
        var logger = Logger(label: "pfad.serve", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        self.logger = logger
    }

    /// Serves until a shutdown signal arrives. `onListening` gets the bound
    /// port once the socket is open (useful with port 0).
    /// - Throws: `ServerError.startup` if the address cannot be bound.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let throttle = LoginThrottle(policy: LoginThrottle.Policy(freeAttempts: configuration.freeLoginAttempts))
        let slots = ServiceSlots(count: configuration.maximumConcurrentServices)
        let responder = GitHTTPResponder(configuration: configuration, resolver: resolver, logger: logger, throttle: throttle, slots: slots)
        let counter = ConnectionCounter(limit: configuration.maximumConnectionsPerAddress)
        let headerTimeout = TimeAmount(configuration.headerTimeout)
        let idleTimeout = TimeAmount(configuration.idleTimeout)
        let application = Application(
            responder: responder,
            server: .http1(configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [ConnectionGuard(headerTimeout: headerTimeout, idleTimeout: idleTimeout, counter: counter)])),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "pfad"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        do {
            try await application.runService()
        } catch {
            throw ServerError.startup("\(error)")
        }
    }

    /// Runs the server from synchronous code (the command layer), blocking
    /// the calling thread until it stops.
    public func runBlocking(onListening: @escaping @Sendable (Int) -> Void) throws {
        try AsyncBridge.wait { try await run(onListening: onListening) }
    }
}
