import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PfadStore
import PfadTransport

/// The client side of git's smart HTTP (`Documentation/gitprotocol-http.txt`)
/// over AsyncHTTPClient: the advertisement is `GET …/info/refs?service=…`,
/// every request a `POST …/git-upload-pack` (or receive-pack) whose
/// response body is read as a stream. A synchronous facade: each call
/// blocks the calling thread (never an event loop) until the bytes it needs
/// have arrived.
///
/// Credentials come from the URL (`http://user:pass@host/…`) or, when the
/// URL has none, from `PFAD_HTTP_USERNAME` and `PFAD_HTTP_PASSWORD`; they
/// are sent with every request (Basic). Redirects are followed up to 5
/// times; connecting times out after 10 s, a silent server after 120 s.
/// `https://` uses the system's trusted certificates.
public final class HTTPConnection: ServiceConnection {
    public let service: GitService
    /// The remote, credentials split off.
    public let url: HTTPRemoteURL
    private let version: ProtocolVersion
    private let authorization: String?
    private let client: HTTPClient
    private var closed = false

    /// A connection to `url` for `service`, asking for `version` (sent as
    /// `Git-Protocol: version=N`; servers that do not know v2 answer v0).
    /// - Throws: `HTTPClientError.invalidURL` for a bad URL.
    public init(url: String, service: GitService, version: ProtocolVersion,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let parsed = try HTTPRemoteURL(url)
        self.url = parsed
        self.service = service
        self.version = version
        let user = parsed.user ?? environment["PFAD_HTTP_USERNAME"]
        let password = parsed.password ?? environment["PFAD_HTTP_PASSWORD"]
        if let user {
            authorization = "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .seconds(120)))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// `GET info/refs?service=…`: checks the status and content type and
    /// drops the v0 `# service=` preamble (absent in v2 answers).
    /// - Throws: `HTTPClientError` for 401, 404, other statuses, a dumb
    ///   server, or a failed connection.
    public func advertisement() throws -> PktLineReader {
        var request = HTTPClientRequest(url: url.appending("/info/refs?service=\(service.rawValue)"))
        request.method = .GET
        addCommonHeaders(to: &request)
        let response = try execute(request, advertisement: true)
        let expected = "application/x-\(service.rawValue)-advertisement"
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix(expected) else {
            throw HTTPClientError.notSmartHTTP(url: url.display, contentType: contentType)
        }
        let body = ResponseBodySource(response.body)
        let all = try body.readAll(limit: Self.maximumAdvertisement)
        return PktLineReader(BufferSource(try Self.droppingServicePreamble(all, service: service)))
    }

    /// `POST` of `body`; returns a reader over the streamed response.
    /// - Throws: `HTTPClientError.rpcFailed` for a non-200 answer.
    public func request(_ body: [UInt8]) throws -> PktLineReader {
        var request = HTTPClientRequest(url: url.appending("/\(service.rawValue)"))
        request.method = .POST
        addCommonHeaders(to: &request)
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-\(service.rawValue)-request")
        request.headers.replaceOrAdd(name: "Accept", value: "application/x-\(service.rawValue)-result")
        request.body = .bytes(body)
        let response = try execute(request, advertisement: false)
        let expected = "application/x-\(service.rawValue)-result"
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix(expected) else {
            throw HTTPClientError.notSmartHTTP(url: url.display, contentType: contentType)
        }
        return PktLineReader(ResponseBodySource(response.body))
    }

    /// Shuts the HTTP client down (its connections close).
    public func close() throws {
        guard !closed else { return }
        closed = true
        try? client.syncShutdown()
    }

    deinit {
        if !closed { try? client.syncShutdown() }
    }

    /// Advertisements larger than this are refused (a ref list of 64 MiB is
    /// far beyond any catalogue).
    static let maximumAdvertisement = 64 << 20

    private func addCommonHeaders(to request: inout HTTPClientRequest) {
        request.headers.add(name: "User-Agent", value: "git/pfad")
        request.headers.add(name: "Cache-Control", value: "no-cache")
        request.headers.add(name: "Pragma", value: "no-cache")
        if version != .v0 { request.headers.add(name: "Git-Protocol", value: "version=\(version.rawValue)") }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
    }

    /// Runs `request`, mapping failures and statuses to git's messages.
    private func execute(_ request: HTTPClientRequest, advertisement: Bool) throws -> HTTPClientResponse {
        let client = self.client
        let display = url.display
        let response: HTTPClientResponse
        do {
            response = try AsyncBridge.wait { try await client.execute(request, timeout: .hours(24)) }
        } catch {
            throw HTTPClientError.unableToAccess(url: display, detail: Self.describe(error))
        }
        let status = Int(response.status.code)
        guard status != 200 else { return response }
        let message = Self.firstLine(of: (try? ResponseBodySource(response.body).readAll(limit: 4096)) ?? [])
        switch status {
        case 401: throw HTTPClientError.authenticationFailed(url: display)
        case 404 where advertisement: throw HTTPClientError.repositoryNotFound(url: display)
        case _ where advertisement:
            throw HTTPClientError.unableToAccess(url: display, detail: "The requested URL returned error: \(status)" + (message.isEmpty ? "" : " (\(message))"))
        default: throw HTTPClientError.rpcFailed(status: status, detail: message)
        }
    }

    /// `bytes` without a leading `# service=<name>` packet and the flush
    /// after it (v0 answers carry them, v2 answers do not).
    static func droppingServicePreamble(_ bytes: [UInt8], service: GitService) throws -> [UInt8] {
        let reader = PktLineReader(BufferSource(bytes))
        guard let first = try reader.nextOrEnd(), let text = first.text, text.hasPrefix("# service=") else {
            return bytes
        }
        guard text.trimmingCharacters(in: .newlines) == "# service=\(service.rawValue)" else {
            throw TransportError.protocolViolation("unexpected service line '\(text.trimmingCharacters(in: .newlines))'")
        }
        guard try reader.next(expecting: "a flush after the service line") == .flush else {
            throw TransportError.protocolViolation("expected a flush after the service line")
        }
        return try reader.readAll(limit: bytes.count)
    }

    private static func firstLine(of bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(while: { $0 != 0x0A }), as: UTF8.self)
    }

    private static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "Connection timed out" }
        if text.contains("Connection refused") || text.contains("connectionRefused") || text.contains("ECONNREFUSED") {
            return "Failed to connect: Connection refused"
        }
        return text
    }
}
