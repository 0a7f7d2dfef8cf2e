import Foundation
import Logging

/// One structured line per request: method, path, repository, service,
/// user, status, bytes sent and duration, as swift-log metadata.
struct RequestLog: Sendable {
    let method: String
    let path: String
    let started = ContinuousClock.now
    var repository: String?
    var service: String?
    var user: String?
    var status = 200
    var bytes = 0
    var error: String?

    init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    /// Writes the line at `info` (errors at `notice`).
    func write(to logger: Logger) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": .string(method), "path": .string(path), "status": .stringConvertible(status),
            "bytes": .stringConvertible(bytes), "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ]
        if let repository { metadata["repository"] = .string(repository) }
        if let service { metadata["service"] = .string(service) }
        metadata["user"] = .string(user ?? "-")
        if let error { metadata["error"] = .string(error) }
        logger.log(level: error == nil ? .info : .notice, "request", metadata: metadata)
    }
}
