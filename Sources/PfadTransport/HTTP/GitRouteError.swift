/// Why a request path is no smart-HTTP route (`GitRoute`). The server
/// answers each with its own status (see `ServerError`).
public enum GitRouteError: Error, Sendable, Equatable {
    /// Not a smart-HTTP path (dumb HTTP, unknown files).
    case notFound(path: String)
    /// `info/refs` without a known `service=` value.
    case unsupportedService(String)
    /// A repository name with `..`, empty or hidden segments, or control
    /// characters.
    case invalidRepositoryName(String)
}
