import Foundation
import PfadHTTPClient
import PfadRepository
import PfadStore
import PfadTransport
import Testing
@testable import PfadServer

/// A stand-in service: advertises one line naming the repository, answers
/// a request with its length, whether the pusher may update
/// `refs/heads/olpe/x`, and then `extra` bytes of filler (to see large
/// bodies streamed).
private struct EchoHandler: ServiceHandler {
    let name: String
    let policy: ReceivePolicy
    let extra: Int

    func advertise(to sink: ByteSink) throws {
        let writer = PktLineWriter(sink)
        try writer.line("hello \(name)")
        try writer.flush()
    }

    func respond(to request: ByteSource, into sink: ByteSink) throws {
        let body = try request.readAll()
        let writer = PktLineWriter(sink)
        try writer.line("got \(body.count) \(String(decoding: body.prefix(20), as: UTF8.self))")
        try writer.line("may-update-olpe \(policy.mayUpdate(Array("refs/heads/olpe/x".utf8)))")
        try writer.flush()
        var left = extra
        let chunk = [UInt8](repeating: 0x61, count: 60_000)
        while left > 0 {
            try writer.data(Array(chunk.prefix(left)))
            left -= min(left, chunk.count)
        }
        try writer.flush()
    }

    func serve(input: ByteSource, output: ByteSink) throws {
        try advertise(to: output)
    }
}

/// Runs blocking client code on a thread of its own (never on the
/// cooperative pool, which the server needs).
private func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

@Suite(.serialized, .timeLimit(.minutes(1))) struct ServerLiveTests {
    /// A served root with `katalog.git`, users `olpe` (may push
    /// refs/heads/olpe/*) and `leser` (read only), password "geheim".
    private func withServer(anonymousRead: Bool = true, maximumReceiveBody: Int = 1 << 20,
                            _ body: @escaping @Sendable (Int) throws -> Void) async throws {
        let root = "/dev/shm/pfad-serve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = try Repository.initialize(at: root + "/katalog.git", bare: true)
        let hash = UsersFile.hash(password: "geheim", cost: 4)
        var configuration = ServerConfiguration(root: root) { repository, _, _, policy, _ in
            EchoHandler(name: URL(fileURLWithPath: repository.gitDirectory).lastPathComponent, policy: policy, extra: 3 << 20)
        }
        configuration.port = 0
        configuration.users = try UsersFile(text: "olpe \(hash) refs/heads/olpe/*\nleser \(hash)\n", path: "users")
        configuration.anonymousRead = anonymousRead
        configuration.maximumReceiveBody = maximumReceiveBody
        let server = try GitHTTPServer(configuration: configuration, logLevel: "error")
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run { portContinuation.yield($0) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await offPool { try body(port) }
        task.cancel()
        _ = await task.result
    }

    @Test func advertisementDropsThePreambleInV0AndHasNoneInV2() async throws {
        try await withServer { port in
            for version in [ProtocolVersion.v0, .v2] {
                let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git/", service: .uploadPack, version: version, environment: [:])
                let reader = try connection.advertisement()
                #expect(try reader.next().text == "hello katalog.git")
                #expect(try reader.next() == .flush)
                try connection.close()
            }
        }
    }

    @Test func requestBodyArrivesAndLargeResponsesStream() async throws {
        try await withServer { port in
            let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog", service: .uploadPack, version: .v2, environment: [:])
            _ = try connection.advertisement()
            let reader = try connection.request(Array("0009done\n0000".utf8))
            #expect(try reader.next().text == "got 13 0009done\n0000")
            #expect(try reader.next().text == "may-update-olpe false")
            #expect(try reader.next() == .flush)
            var filler = 0
            while case .data(let payload) = try reader.next() { filler += payload.count }
            #expect(filler == 3 << 20)
            try connection.close()
        }
    }

    @Test func pushNeedsCredentialsAndGetsTheUsersPatterns() async throws {
        try await withServer { port in
            let anonymous = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try anonymous.advertisement() }
            let wrong = try HTTPConnection(url: "http://olpe:falsch@127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try wrong.advertisement() }
            for (user, allowed) in [("olpe", true), ("leser", false)] {
                let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0,
                                                    environment: ["PFAD_HTTP_USERNAME": user, "PFAD_HTTP_PASSWORD": "geheim"])
                _ = try connection.advertisement()
                let reader = try connection.request(Array("0000".utf8))
                _ = try reader.next()
                #expect(try reader.next().text == "may-update-olpe \(allowed)")
                try connection.close()
            }
        }
    }

    @Test func refusesOversizedBodiesUnknownRepositoriesAndAnonymousReadWhenOff() async throws {
        try await withServer(anonymousRead: false, maximumReceiveBody: 1000) { port in
            let base = "http://olpe:geheim@127.0.0.1:\(port)"
            let push = try HTTPConnection(url: base + "/katalog.git", service: .receivePack, version: .v0, environment: [:])
            _ = try push.advertisement()
            #expect(throws: HTTPClientError.rpcFailed(status: 413, detail: "request body larger than 1000 bytes (raise --max-body-size)")) {
                try push.request([UInt8](repeating: 0x30, count: 5000))
            }
            let missing = try HTTPConnection(url: base + "/menden.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(throws: HTTPClientError.repositoryNotFound(url: "http://127.0.0.1:\(port)/menden.git/")) { try missing.advertisement() }
            let anonymous = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try anonymous.advertisement() }
            let reader = try HTTPConnection(url: "http://leser:geheim@127.0.0.1:\(port)/katalog.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(try reader.advertisement().next().text == "hello katalog.git")
        }
    }
}
