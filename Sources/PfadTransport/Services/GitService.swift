/// The two services of git's pack protocols
/// (`Documentation/gitprotocol-pack.txt`, `gitprotocol-http.txt`).
public enum GitService: String, Sendable, CaseIterable {
    /// Fetch and clone: the server sends objects.
    case uploadPack = "git-upload-pack"
    /// Push: the server receives objects and updates refs.
    case receivePack = "git-receive-pack"

    /// The subcommand name (`upload-pack`).
    public var subcommand: String { String(rawValue.dropFirst(4)) }
}

/// Progress while a pack arrives: objects read so far, objects in the pack,
/// bytes read so far (for git's "Receiving objects" line).
public typealias ReceiveProgress = (_ objects: Int, _ total: Int, _ bytes: Int) -> Void

/// The server side of one service over one repository. Implemented by
/// `UploadPack` and `ReceivePack`; driven by `pfad upload-pack` /
/// `pfad receive-pack` over pipes and by `pfad serve` over HTTP.
public protocol ServiceHandler {
    /// Writes the first message: the v2 capability advertisement, or the v0
    /// ref advertisement (HTTP adds its `# service=` preamble itself).
    func advertise(to sink: ByteSink) throws

    /// Answers one stateless request (an HTTP POST body) after an
    /// advertisement sent earlier.
    func respond(to request: ByteSource, into sink: ByteSink) throws

    /// Runs a whole conversation over a pipe: advertisement, then requests
    /// until the client is done.
    func serve(input: ByteSource, output: ByteSink) throws
}

/// The protocol version a client asks for (`GIT_PROTOCOL=version=2`, the
/// HTTP header `Git-Protocol: version=2`); see
/// `Documentation/gitprotocol-v2.txt`, "Initial Client Request".
public enum ProtocolVersion: Int, Sendable, Comparable {
    case v0 = 0, v1 = 1, v2 = 2

    /// The version requested by a `GIT_PROTOCOL` value such as
    /// `version=2:other=x`; the highest `version=` wins, v0 if none.
    public init(gitProtocol value: String?) {
        var best = ProtocolVersion.v0
        for field in (value ?? "").split(separator: ":") where field.hasPrefix("version=") {
            if let number = Int(field.dropFirst(8)), let version = ProtocolVersion(rawValue: number), version > best { best = version }
        }
        self = best
    }

    public static func < (a: ProtocolVersion, b: ProtocolVersion) -> Bool { a.rawValue < b.rawValue }
}
