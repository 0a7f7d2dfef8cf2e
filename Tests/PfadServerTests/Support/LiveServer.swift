import Foundation
import PfadRepository
import PfadTransport
@testable import PfadServer

/// A stand-in service: advertises one line naming the repository, answers
/// a request with its length, whether the pusher may update
/// `refs/heads/olpe/x`, and then `extra` bytes of filler (to see large
/// bodies streamed).
struct EchoHandler: ServiceHandler {
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
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A live `pfad serve` on 127.0.0.1 (a free port) over a root with
/// `katalog.git`, users `olpe` (may push refs/heads/olpe/*) and `leser`
/// (read only), both with password "geheim", answering through
/// `EchoHandler`.
enum LiveServer {
    /// Starts the server with the test defaults changed by `configure`,
    /// runs `body` with its port on a thread of its own, then stops it.
    static func run(configure: (inout ServerConfiguration) -> Void = { _ in },
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
        configure(&configuration)
        let server = try GitHTTPServer(configuration: configuration, logLevel: "error")
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run { portContinuation.yield($0) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerError.startup("no port") }
        try await offPool { try body(port) }
        task.cancel()
        _ = await task.result
    }
}
