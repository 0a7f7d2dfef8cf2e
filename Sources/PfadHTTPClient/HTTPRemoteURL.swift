import Foundation

/// A smart-HTTP remote URL split into what is sent and what is shown:
/// credentials (`http://user:pass@host/…`) come out of the URL and into an
/// `Authorization: Basic` header; messages show the URL without them, with
/// a trailing slash as git does.
public struct HTTPRemoteURL: Sendable, Equatable {
    /// The URL without credentials and without a trailing slash
    /// (`http://127.0.0.1:8080/katalog.git`).
    public let base: String
    /// The user name from the URL, percent-decoded.
    public let user: String?
    /// The password from the URL, percent-decoded.
    public let password: String?

    /// Parses `url` (`http://` or `https://`).
    /// - Throws: `HTTPClientError.invalidURL` if it has no host.
    public init(_ url: String) throws {
        guard var components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw HTTPClientError.invalidURL(url)
        }
        user = components.user
        password = components.password
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        guard var text = components.string else { throw HTTPClientError.invalidURL(url) }
        while text.hasSuffix("/") { text.removeLast() }
        base = text
    }

    /// The URL as git shows it in messages (`…/katalog.git/`).
    public var display: String { base + "/" }

    /// `base` followed by `path` (`/info/refs?service=git-upload-pack`).
    public func appending(_ path: String) -> String { base + path }
}
