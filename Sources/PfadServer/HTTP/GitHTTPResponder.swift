import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PfadRepository
import PfadTransport

/// Answers smart-HTTP requests (`Documentation/gitprotocol-http.txt`):
/// routes, access checks, body limits, then the service handler on a
/// thread of its own with its output streamed into the response.
struct GitHTTPResponder: HTTPResponder {
    typealias Context = ServerRequestContext

    let configuration: ServerConfiguration
    let resolver: RepositoryResolver
    let logger: Logger
    let throttle: LoginThrottle
    let slots: ServiceSlots

    func respond(to request: Request, context: Context) async throws -> Response {
        var log = RequestLog(method: request.method.rawValue, path: request.uri.path)
        do {
            let route: GitRoute
            do {
                route = try GitRoute(path: request.uri.path, serviceQuery: request.uri.queryParameters.get("service"))
            } catch let error as GitRouteError {
                throw ServerError(error)
            }
            log.repository = route.repository
            log.service = route.service.rawValue
            try checkMethod(request.method, route: route, path: request.uri.path)
            let user = try await authorize(request, route: route, address: context.remoteAddress?.ipAddress)
            log.user = user?.name
            let requested = ProtocolVersion(gitProtocol: request.headers.first(where: { $0.name.canonicalName == "git-protocol" })?.value)
            // receive-pack has no protocol v2: it answers v0 whatever is asked.
            let version = route.service == .receivePack ? min(requested, ProtocolVersion.v1) : requested
            let policy = configuration.receivePolicy(for: user)
            let name = route.repository
            let (handler, body): (ServiceHandler, SpooledBody?)
            switch route.kind {
            case .advertisement:
                handler = try await makeHandler(name, route.service, version, policy, user?.name)
                body = nil
            case .rpc:
                try checkContentType(request, service: route.service)
                body = try await spool(request, route: route)
                handler = try await makeHandler(name, route.service, version, policy, user?.name)
            }
            let preamble = route.kind == .advertisement && requested != ProtocolVersion.v2
            return stream(handler: handler, route: route, body: body, preamble: preamble, log: log)
        } catch let error as ServerError {
            log.status = error.httpStatus
            log.error = error.description
            log.write(to: logger)
            return Self.errorResponse(error)
        } catch {
            let failure = "\(error)"
            log.status = 500
            log.error = failure
            log.write(to: logger)
            return Self.errorResponse(status: 500, message: failure)
        }
    }

    private func checkMethod(_ method: HTTPRequest.Method, route: GitRoute, path: String) throws {
        switch route.kind {
        case .advertisement where method == .get || method == .head: return
        case .rpc where method == .post: return
        default: throw ServerError.methodNotAllowed(method: method.rawValue, path: path)
        }
    }

    private func checkContentType(_ request: Request, service: GitService) throws {
        let expected = "application/x-\(service.rawValue)-request"
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix(expected) else {
            throw ServerError.badRequest("expected Content-Type \(expected)")
        }
    }

    private func limit(for service: GitService) -> Int {
        service == .receivePack ? configuration.maximumReceiveBody : configuration.maximumUploadBody
    }

    /// Stores the (possibly gzip-compressed) body decoded in a nameless
    /// temporary file, refusing more than the limit: before reading when
    /// `Content-Length` says so, else as soon as the decoded size passes it.
    private func spool(_ request: Request, route: GitRoute) async throws -> SpooledBody {
        let limit = limit(for: route.service)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServerError.bodyTooLarge(limit: limit)
        }
        return try await SpooledBody.spool(request.body, encoding: request.headers[.contentEncoding], limit: limit)
    }

    private func makeHandler(_ name: String, _ service: GitService, _ version: ProtocolVersion,
                             _ policy: ReceivePolicy, _ user: String?) async throws -> ServiceHandler {
        let resolver = self.resolver
        let factory = configuration.handlers
        return try await BlockingWork.run {
            HandlerBox(try factory(try resolver.open(name), service, version, policy, user))
        }.handler
    }

    /// The response whose body the handler writes on its own thread.
    private func stream(handler: ServiceHandler, route: GitRoute, body: SpooledBody?, preamble: Bool, log: RequestLog) -> Response {
        let kind = route.kind == .advertisement ? "advertisement" : "result"
        var headers = HTTPFields()
        headers[.contentType] = "application/x-\(route.service.rawValue)-\(kind)"
        headers[.cacheControl] = "no-cache, max-age=0, must-revalidate"
        headers[.expires] = "Fri, 01 Jan 1980 00:00:00 GMT"
        if let pragma = HTTPField.Name("Pragma") { headers[pragma] = "no-cache" }
        let box = HandlerBox(handler)
        let logger = self.logger
        let slots = route.kind == .rpc ? self.slots : nil
        let responseBody = ResponseBody { writer in
            let output = ResponseStream()
            var log = log
            await slots?.acquire()
            BlockingWork.start {
                do {
                    if preamble {
                        let packets = PktLineWriter(output)
                        try packets.line("# service=\(route.service.rawValue)")
                        try packets.flush()
                    }
                    if let body {
                        try box.handler.respond(to: body.source(), into: output)
                    } else {
                        try box.handler.advertise(to: output)
                    }
                } catch {
                    logger.warning("service failed", metadata: ["repository": .string(route.repository), "error": .string("\(error)")])
                }
                output.finish()
                // The slot is free once the handler's thread is done (not
                // merely once the client went away).
                if let slots { Task { await slots.release() } }
            }
            do {
                for await chunk in output.chunks {
                    try await writer.write(chunk)
                    output.chunkSent()
                }
                try await writer.finish(nil)
            } catch {
                output.cancel()
                log.error = "client went away: \(error)"
            }
            log.status = 200
            log.bytes = output.bytesSent
            log.write(to: logger)
        }
        return Response(status: .ok, headers: headers, body: responseBody)
    }

    /// The user behind the request's credentials, or nil for anonymous
    /// reads. Pushes and (with anonymous read off) reads need a user.
    /// Failed logins count against the user name and the client address
    /// (`LoginThrottle`); while either is locked no password is checked.
    private func authorize(_ request: Request, route: GitRoute, address: String?) async throws -> ServerUser? {
        let needsUser = route.service == .receivePack || !configuration.anonymousRead
        guard needsUser else { return nil }
        guard let header = request.headers[.authorization] else {
            throw ServerError.unauthorized(reason: "no credentials")
        }
        guard let credentials = BasicCredentials(header: header) else {
            throw ServerError.unauthorized(reason: "malformed Authorization header")
        }
        guard let users = configuration.users else {
            throw ServerError.unauthorized(reason: "no users configured")
        }
        if let wait = throttle.retryAfter(user: credentials.user, address: address) {
            throw ServerError.tooManyLoginFailures(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        let user = try await BlockingWork.run { users.authenticate(name: credentials.user, password: credentials.password) }
        guard let user else {
            throttle.failed(user: credentials.user, address: address)
            throw ServerError.unauthorized(reason: "bad credentials for '\(credentials.user)'")
        }
        throttle.succeeded(user: credentials.user, address: address)
        return user
    }

    /// A plain-text error response; 401 asks for Basic credentials.
    /// 400 and 413 also end the connection (`Connection: close`; the
    /// `ConnectionGuard` closes it once the answer is written).
    static func errorResponse(_ error: ServerError) -> Response {
        var response = errorResponse(status: error.httpStatus, message: error.description)
        if case .tooManyLoginFailures(let seconds) = error {
            response.headers[.retryAfter] = String(seconds)
        }
        return response
    }

    static func errorResponse(status: Int, message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache, max-age=0, must-revalidate"
        if status == 401 { headers[.wwwAuthenticate] = "Basic realm=\"pfad\"" }
        if status == 400 || status == 413 { headers[.connection] = "close" }
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

/// Moves a (non-Sendable) handler to the thread that runs it; each handler
/// is used by one thread at a time.
struct HandlerBox: @unchecked Sendable {
    let handler: ServiceHandler
    init(_ handler: ServiceHandler) { self.handler = handler }
}
