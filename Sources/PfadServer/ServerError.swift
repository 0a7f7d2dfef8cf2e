import PfadTransport

/// Everything `pfad serve` refuses or fails at. Each case becomes one HTTP
/// status and a one-line plain-text body (`httpStatus`, `description`); the
/// command turns start-up failures into git-style `fatal:` lines.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No route for this path (dumb HTTP, unknown files): 404.
    case notFound(path: String)
    /// The path names no git repository under the served root: 404.
    case repositoryNotFound(name: String)
    /// A repository name with `..`, empty or hidden segments, or one that
    /// leaves the root through a symbolic link: 404 (like an unknown one).
    case invalidRepositoryName(String)
    /// `info/refs` without a known `service=` (dumb HTTP): 403, as git
    /// http-backend answers when dumb HTTP is not exported.
    case unsupportedService(String)
    /// Credentials are missing or wrong: 401 with `WWW-Authenticate`.
    case unauthorized(reason: String)
    /// The method is not allowed on this route: 405.
    case methodNotAllowed(method: String, path: String)
    /// The request body is larger than the limit (after gzip decoding): 413.
    case bodyTooLarge(limit: Int)
    /// The request is malformed (bad gzip, bad content type): 400.
    case badRequest(String)
    /// Too many failed logins for this user or address: 429 with
    /// `Retry-After` (whole seconds, at least 1).
    case tooManyLoginFailures(retryAfter: Int)
    /// The users file cannot be read or has a bad line (start-up).
    case usersFile(path: String, line: Int, detail: String)
    /// The served root is not a directory (start-up).
    case invalidRoot(String)
    /// Binding or running the server failed (start-up).
    case startup(String)

    /// The server's answer to a path that is no smart-HTTP route.
    public init(_ error: GitRouteError) {
        switch error {
        case .notFound(let path): self = .notFound(path: path)
        case .unsupportedService(let service): self = .unsupportedService(service)
        case .invalidRepositoryName(let name): self = .invalidRepositoryName(name)
        }
    }

    /// The HTTP status code this error is answered with.
    public var httpStatus: Int {
        switch self {
        case .notFound, .repositoryNotFound, .invalidRepositoryName: 404
        case .unsupportedService: 403
        case .unauthorized: 401
        case .methodNotAllowed: 405
        case .bodyTooLarge: 413
        case .badRequest: 400
        case .tooManyLoginFailures: 429
        case .usersFile, .invalidRoot, .startup: 500
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path): "not found: \(path)"
        case .repositoryNotFound(let name): "repository '\(name)' not found"
        case .invalidRepositoryName(let name): "repository '\(name)' not found (invalid name)"
        case .unsupportedService(let service): "unsupported service '\(service)' (pfad serves smart HTTP only)"
        case .unauthorized(let reason): "authentication required: \(reason)"
        case .methodNotAllowed(let method, let path): "method \(method) not allowed on \(path)"
        case .bodyTooLarge(let limit): "request body larger than \(limit) bytes (raise --max-body-size)"
        case .badRequest(let detail): "bad request: \(detail)"
        case .tooManyLoginFailures(let seconds): "too many failed logins: try again in \(seconds) s"
        case .usersFile(let path, let line, let detail): "users file '\(path)', line \(line): \(detail)"
        case .invalidRoot(let path): "'\(path)' is not a directory"
        case .startup(let detail): "cannot start server: \(detail)"
        }
    }
}
