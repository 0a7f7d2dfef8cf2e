/// Where a remote lives, from a URL or path as git accepts them
/// (`Documentation/urls.txt`).
public enum RemoteLocation: Sendable, Hashable {
    /// A repository on this machine (`/srv/katalog.git`, `../katalog`,
    /// `file:///srv/katalog.git`).
    case local(path: String)
    /// A smart-HTTP repository (`http://` or `https://`).
    case http(url: String)

    /// Classifies `text`.
    /// - Throws: `TransportError.protocolViolation` for schemes pfad does
    ///   not speak (ssh, git://) with a message naming the scheme.
    public init(_ text: String) throws {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            self = .http(url: text)
        } else if lower.hasPrefix("file://") {
            let rest = String(text.dropFirst(7))
            let decoded = rest.removingPercentEncodingIfPossible
            guard decoded.hasPrefix("/") else { throw TransportError.protocolViolation("file URL needs an absolute path: '\(text)'") }
            self = .local(path: decoded)
        } else if let range = text.range(of: "://") {
            throw TransportError.protocolViolation("unsupported URL scheme '\(text[..<range.lowerBound])' in '\(text)' (pfad speaks file://, http:// and https://)")
        } else if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            throw TransportError.protocolViolation("ssh remotes ('\(text)') are not supported; use http(s):// or a path")
        } else {
            self = .local(path: text)
        }
    }
}

extension String {
    /// `%XX` sequences decoded; the text as it is when they are invalid.
    var removingPercentEncodingIfPossible: String {
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == 0x25, utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension RemoteLocation {
    /// `url` as git shows it in messages, FETCH_HEAD and reflogs
    /// (`transport_anonymize_url` in git's behaviour): the user name and
    /// password of a `scheme://user:password@host/…` URL removed, so that
    /// credentials never reach the terminal or the repository's files.
    public static func anonymized(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(of: "/") ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + String(url[url.index(after: at)...])
    }
}
