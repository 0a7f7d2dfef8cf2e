import Foundation
import PfadHTTPClient
import PfadTransport

/// The one place that turns a `RemoteLocation` into a `ServiceConnection`.
/// Local paths and `file://` URLs run a service program over pipes —
/// pfad's own `upload-pack`/`receive-pack`, or the program given by
/// `--upload-pack`/`--receive-pack`/`remote.<name>.uploadpack|receivepack`,
/// run through `/bin/sh -c` like git. `http://` and `https://` URLs get an
/// `HTTPConnection` (smart HTTP, `PfadHTTPClient`).
enum RemoteConnector {
    /// How to reach a remote.
    struct ConnectOptions {
        /// A shell command replacing the service program (`--upload-pack`).
        var program: String?
    }

    /// Opens a connection to `service` at `location`.
    /// - Throws: `FatalError` for an unusable location or a program that
    ///   cannot be started.
    static func connect(_ location: RemoteLocation, service: GitService, version: ProtocolVersion,
                        options: ConnectOptions) throws -> ServiceConnection {
        switch location {
        case .local(let path):
            let command: [String]
            if let program = options.program {
                command = ["/bin/sh", "-c", program + " \"$@\"", "sh"]
            } else {
                command = [selfExecutable(), service.subcommand]
            }
            return try ProcessConnection(service: service, command: command, path: path, version: version)
        case .http(let url):
            return try HTTPConnection(url: url, service: service, version: version)
        }
    }

    /// The running pfad executable.
    static func selfExecutable() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first ?? "pfad"
    }

    /// The protocol version to ask for: `protocol.version` (default 2).
    static func protocolVersion(_ value: String?) -> ProtocolVersion {
        guard let value, let number = Int(value), let version = ProtocolVersion(rawValue: number) else { return .v2 }
        return version
    }
}
