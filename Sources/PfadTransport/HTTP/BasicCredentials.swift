import Foundation

/// The user name and password of an HTTP `Authorization: Basic …` header
/// (RFC 7617).
public struct BasicCredentials: Sendable, Equatable {
    /// The user name (before the first colon).
    public let user: String
    /// The password (after the first colon).
    public let password: String

    /// Credentials given directly.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Parses an `Authorization` header value; `nil` if it is not a
    /// well-formed Basic header.
    public init?(header: String) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":") else { return nil }
        self.user = String(decoded[..<colon])
        self.password = String(decoded[decoded.index(after: colon)...])
    }

    /// The header value `Basic base64(user:password)`.
    public var headerValue: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}
