import PfadStore
import PfadTransport

/// The parts of a smart-HTTP request that pfad parses itself (Hummingbird
/// parses the HTTP framing). The input is four lines and a body:
///
/// 1. the request target, `path[?query]` (the `service` query value is
///    taken as the server takes it),
/// 2. the `Authorization` header value,
/// 3. the `Git-Protocol` header value,
/// 4. the `Content-Length` header value,
/// 5. and the rest: a gzip request body, inflated in small chunks with the
///    `step` loop `pfad serve` uses, at most 1 MiB.
enum HTTPRequestTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 4, omittingEmptySubsequences: false)[...]
        func field() -> String { lines.popFirst().map { String(decoding: $0, as: UTF8.self) } ?? "" }
        let target = field(), authorization = field(), gitProtocol = field(), contentLength = field()
        let body = Array(lines.popFirst() ?? [])

        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts.first ?? "")
        let service = parts.dropFirst().first.flatMap { query in
            query.split(separator: "&").first { $0.hasPrefix("service=") }.map { String($0.dropFirst(8)) }
        }
        let route = try? GitRoute(path: path, serviceQuery: service)
        let credentials = BasicCredentials(header: authorization)
        if let credentials, BasicCredentials(header: credentials.headerValue) != credentials {
            return .violation("credentials do not survive their own header")
        }
        _ = ProtocolVersion(gitProtocol: gitProtocol)
        _ = Int(contentLength)
        let inflated = inflateGzip(body)
        return route != nil || credentials != nil || inflated ? .accepted : .rejected
    }

    /// Streams `body` through a gzip inflater in 13-byte chunks; true if it
    /// is a whole gzip stream of at most 1 MiB.
    private static func inflateGzip(_ body: [UInt8]) -> Bool {
        guard let inflater = try? Inflater(framing: .gzip) else { return false }
        var output = [UInt8](repeating: 0, count: 4096)
        var total = 0
        var start = 0
        while start < body.count, !inflater.isFinished {
            let chunk = Array(body[start..<min(start + 13, body.count)])
            start += chunk.count
            var consumed = 0
            while consumed < chunk.count || !inflater.isFinished {
                let step = chunk.withUnsafeBytes { input in
                    output.withUnsafeMutableBytes { out in
                        try? inflater.step(input: UnsafeRawBufferPointer(rebasing: input[consumed...]), output: out, context: "request body")
                    }
                }
                guard let (used, produced) = step else { return false }
                consumed += used
                total += produced
                if total > 1 << 20 { return false }
                if used == 0 && produced == 0 { break }
            }
        }
        return inflater.isFinished
    }
}
