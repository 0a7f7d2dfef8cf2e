import Foundation
import PfadRepository
import PfadTransport

/// Makes the service handler for one request: `UploadPack` or
/// `ReceivePack` over `repository`, speaking `version`, stateless (HTTP).
/// `policy` and `user` (the authenticated user's name, for the reflog) are
/// only used for receive-pack. Supplied by the command layer so the server
/// depends on the `ServiceHandler` protocol only.
public typealias ServiceHandlerFactory =
    @Sendable (_ repository: Repository, _ service: GitService, _ version: ProtocolVersion, _ policy: ReceivePolicy,
               _ user: String?) throws -> ServiceHandler

/// Everything `pfad serve` is started with.
public struct ServerConfiguration: Sendable {
    /// Address to bind (`127.0.0.1` by default: local only).
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (printed when listening).
    public var port = 8080
    /// The directory whose repositories are served.
    public var root: String
    /// The accounts; `nil` means nobody can push.
    public var users: UsersFile?
    /// Whether fetch and clone work without credentials.
    public var anonymousRead = true
    /// Whether pushes may rewrite history (non-fast-forward updates).
    public var allowNonFastForward = false
    /// Whether pushes may delete refs (the user still needs the ref pattern).
    public var allowDeletes = true
    /// Largest request body accepted for receive-pack (after gzip decoding).
    public var maximumReceiveBody = 256 << 20
    /// Largest request body accepted for upload-pack (wants and haves).
    public var maximumUploadBody = 10 << 20
    /// Most objects one push may carry; `nil` for no limit.
    public var maximumObjects: Int?
    /// Time a client has to send a request's head, from the moment it
    /// connects or the previous response ended.
    public var headerTimeout: Duration = .seconds(10)
    /// Longest pause allowed between two parts of a request body.
    public var idleTimeout: Duration = .seconds(60)
    /// Most connections one client address may hold at once.
    public var maximumConnectionsPerAddress = 32
    /// Most fetches and pushes whose pack is generated or indexed at once;
    /// more wait in line (default: twice the cores, at least 2).
    public var maximumConcurrentServices = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)
    /// Failed logins allowed per user name and per address before the
    /// first lock (1 s, doubling with each further failure, at most 15 min).
    public var freeLoginAttempts = 5
    /// Makes the service handlers.
    public var handlers: ServiceHandlerFactory

    /// A configuration serving `root` with the defaults above.
    public init(root: String, handlers: @escaping ServiceHandlerFactory) {
        self.root = root
        self.handlers = handlers
    }

    /// The push policy for `user`: only the user's ref patterns, the
    /// configured limits, objects always checked.
    public func receivePolicy(for user: ServerUser?) -> ReceivePolicy {
        var policy = ReceivePolicy()
        policy.allowNonFastForward = allowNonFastForward
        policy.allowDeletes = allowDeletes
        policy.checkObjects = true
        policy.alwaysAtomic = true
        policy.maximumObjects = maximumObjects
        policy.maximumPackBytes = maximumReceiveBody
        if let user {
            policy.mayUpdate = { user.mayUpdate($0) }
        } else {
            policy.mayUpdate = { _ in false }
        }
        return policy
    }
}
