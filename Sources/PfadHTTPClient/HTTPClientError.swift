/// What can go wrong talking smart HTTP, worded as git words it (the
/// command layer prints `fatal: ` before `description`).
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401 (with or without credentials sent).
    case authenticationFailed(url: String)
    /// 404 on the advertisement.
    case repositoryNotFound(url: String)
    /// Another non-200 answer to the advertisement, or a failed connection.
    case unableToAccess(url: String, detail: String)
    /// A non-200 answer to a POST (`RPC failed; HTTP 413 …`).
    case rpcFailed(status: Int, detail: String)
    /// The server answered with something that is not smart HTTP (a dumb
    /// server, an HTML page).
    case notSmartHTTP(url: String, contentType: String)
    /// The URL cannot be parsed.
    case invalidURL(String)

    public var description: String {
        switch self {
        case .authenticationFailed(let url): "Authentication failed for '\(url)'"
        case .repositoryNotFound(let url): "repository '\(url)' not found"
        case .unableToAccess(let url, let detail): "unable to access '\(url)': \(detail)"
        case .rpcFailed(let status, let detail):
            "RPC failed; HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)")
        case .notSmartHTTP(let url, let contentType):
            "'\(url)' is not a smart-HTTP git server (Content-Type '\(contentType)'); dumb HTTP is not supported"
        case .invalidURL(let url): "invalid URL '\(url)'"
        }
    }
}
