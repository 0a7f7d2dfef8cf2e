import Foundation
import PfadHTTPClient
import PfadRepository
import PfadTransport

/// The one place that turns a `RemoteLocation` into a `ServiceConnection`.
/// `http://` and `https://` URLs get an `HTTPConnection` (smart HTTP,
/// `PfadHTTPClient`). Local paths and `file://` URLs get the service as
/// `program` says: run in this process (the library's default), or a program
/// over pipes — pfad's own `upload-pack`/`receive-pack` (the CLI), or a
/// shell command given by `--upload-pack`/`--receive-pack`/
/// `remote.<name>.uploadpack|receivepack`, run through `/bin/sh -c` as git
/// does.
public enum RemoteConnector {
    /// Opens a connection to `service` at `location`.
    /// - Throws: `TransportError` for a program that cannot be started or an
    ///   unusable URL; `RepositoryError.notARepositoryAt` when an in-process
    ///   service finds no repository at the path.
    public static func connect(
        _ location: RemoteLocation, service: GitService, version: ProtocolVersion, program: ServiceProgram = .inProcess
    ) throws -> ServiceConnection {
        switch location {
        case .local(let path):
            switch program {
            case .inProcess:
                return InProcessConnection(service: service, handler: try handler(for: service, at: path, version: version))
            case .executable(let command):
                return try ProcessConnection(service: service, command: command, path: path, version: version)
            case .shell(let text):
                return try ProcessConnection(
                    service: service, command: ["/bin/sh", "-c", text + " \"$@\"", "sh"], path: path, version: version)
            }
        case .http(let url):
            return try HTTPConnection(url: url, service: service, version: version)
        }
    }

    /// The protocol version to ask for: `protocol.version` (default 2).
    public static func protocolVersion(_ value: String?) -> ProtocolVersion {
        guard let value, let number = Int(value), let version = ProtocolVersion(rawValue: number) else { return .v2 }
        return version
    }

    /// The service handler for the repository at `path`, configured as
    /// `git upload-pack`/`git receive-pack` would be from that repository's
    /// config. receive-pack speaks protocol v0 (v2 has no push).
    private static func handler(for service: GitService, at path: String, version: ProtocolVersion) throws
        -> any ServiceHandler
    {
        let served = try Repository.openForService(at: path)
        switch service {
        case .uploadPack:
            return UploadPack(repository: served, version: version, stateless: false)
        case .receivePack:
            return ReceivePack(
                repository: served, version: version == .v2 ? .v0 : version, stateless: false,
                policy: try ReceivePolicy(settings: served.settings))
        }
    }
}
