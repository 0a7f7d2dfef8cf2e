/// What a request path asks for (`Documentation/gitprotocol-http.txt`):
/// `NAME/info/refs?service=git-upload-pack` (the advertisement) or a POST to
/// `NAME/git-upload-pack` / `NAME/git-receive-pack`.
public struct GitRoute: Sendable, Equatable {
    /// The two kinds of smart-HTTP request.
    public enum Kind: Sendable, Equatable {
        /// `GET …/info/refs?service=…`.
        case advertisement
        /// `POST …/git-upload-pack` or `…/git-receive-pack`.
        case rpc
    }

    /// The repository name relative to the served root (`katalog.git`,
    /// `gemeinden/olpe.git`), percent-decoded and validated.
    public let repository: String
    /// The service asked for.
    public let service: GitService
    /// Advertisement or request.
    public let kind: Kind

    /// Parses a request path (without query) and the `service` query value.
    /// - Throws: `GitRouteError.notFound` for paths that are not smart-HTTP
    ///   routes, `.unsupportedService` for `info/refs` without a known
    ///   service, `.invalidRepositoryName` for names with `..`, empty or
    ///   hidden segments.
    public init(path: String, serviceQuery: String?) throws {
        let decoded = path.removingPercentEncodingOrNil ?? path
        let name: Substring
        if decoded.hasSuffix("/info/refs") {
            name = decoded.dropLast("/info/refs".count)
            guard let query = serviceQuery, let service = GitService(rawValue: query) else {
                throw GitRouteError.unsupportedService(serviceQuery ?? "")
            }
            self.service = service
            self.kind = .advertisement
        } else if let service = GitService.allCases.first(where: { decoded.hasSuffix("/" + $0.rawValue) }) {
            name = decoded.dropLast(service.rawValue.count + 1)
            self.service = service
            self.kind = .rpc
        } else {
            throw GitRouteError.notFound(path: path)
        }
        self.repository = try Self.validatedName(name)
    }

    /// `name` without its leading slash if every segment is a plain name.
    static func validatedName(_ name: Substring) throws -> String {
        let trimmed = name.drop(while: { $0 == "/" })
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, !segments.contains(where: { $0.isEmpty || $0.hasPrefix(".") }),
              !trimmed.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else {
            throw GitRouteError.invalidRepositoryName(String(name))
        }
        return String(trimmed)
    }
}

extension String {
    /// `%XX` sequences decoded; `nil` if one is malformed or the result is
    /// not UTF-8.
    var removingPercentEncodingOrNil: String? {
        var bytes: [UInt8] = []
        var rest = Array(utf8)[...]
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                rest = rest.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
