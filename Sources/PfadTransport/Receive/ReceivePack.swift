import PfadObjects
import PfadRepository
import PfadStore

/// The server side of `git push` (git's `receive-pack`), protocol v0/v1
/// (`Documentation/gitprotocol-pack.txt`, "Pushing Data To a Server";
/// `gitprotocol-capabilities.txt`). Push has no protocol v2: a v2 request
/// is answered in v0, as git does.
///
/// One push: ref advertisement; the client's command list and pack; the
/// pack is received into a quarantine (`PackQuarantine`) and checked
/// (limits, hashes, fsck, connectivity); every command is checked (name,
/// permission, expected old value, fast-forward, deletes); only then the
/// pack is moved into `objects/pack` and the refs are updated (all or
/// nothing with `atomic`); last the report (`unpack ok`, `ok <ref>` /
/// `ng <ref> <reason>`), over side-band when the client asked for it.
public struct ReceivePack: ServiceHandler, Sendable {
    /// The repository pushed to.
    public let repository: Repository
    /// The protocol version the client asked for (v2 is answered as v0).
    public let version: ProtocolVersion
    /// True over HTTP: each `respond` call is one request without an
    /// advertisement. Informational: `respond` and `serve` already say
    /// which mode runs (kept for logging and for symmetry with `UploadPack`).
    public let stateless: Bool
    /// What the push may do.
    public let policy: ReceivePolicy
    /// The reflog identity of the pusher (`Name <email>`); the time is
    /// added per push. nil: the repository's committer identity, or none.
    public var pusher: [UInt8]?
    /// Receives messages for the user when the client has no side-band
    /// (`pfad receive-pack` prints them on standard error, as git does).
    public var diagnostics: (@Sendable (String) -> Void)?
    /// Receives the outcome of every push (structured request logging).
    public var log: (@Sendable (ReceiveOutcome) -> Void)?

    /// The `agent=` capability value.
    public static let agent = "pfad/0.1"

    /// A handler for one push (or one HTTP round) to `repository`.
    public init(
        repository: Repository, version: ProtocolVersion, stateless: Bool, policy: ReceivePolicy,
        pusher: [UInt8]? = nil, diagnostics: (@Sendable (String) -> Void)? = nil,
        log: (@Sendable (ReceiveOutcome) -> Void)? = nil
    ) {
        self.repository = repository
        self.version = version
        self.stateless = stateless
        self.policy = policy
        self.pusher = pusher
        self.diagnostics = diagnostics
        self.log = log
    }

    /// The capabilities advertised on the first line.
    public var capabilities: [String] {
        [
            "report-status", "report-status-v2", "delete-refs", "side-band-64k", "quiet", "atomic", "ofs-delta",
            "object-format=\(repository.algorithm.rawValue)", "agent=\(Self.agent)",
        ]
    }

    /// Writes the ref advertisement: `version 1` first for v1, then every
    /// ref under `refs/` (no `HEAD`, no peeled lines — as git's
    /// receive-pack), the first with the capabilities after a NUL; an
    /// empty repository advertises `<null-id> capabilities^{}`. Ends with
    /// a flush packet.
    public func advertise(to sink: ByteSink) throws {
        let writer = PktLineWriter(sink)
        if version == .v1 { try writer.line("version 1") }
        let refs: [(name: [UInt8], id: ObjectID)]
        do {
            refs = try repository.refs.all()
        } catch {
            throw TransportError.remote("cannot list refs: \(error)")
        }
        let capabilityBytes = [0] + Array(capabilities.joined(separator: " ").utf8)
        if refs.isEmpty {
            try writer.data(repository.algorithm.nullID.hexBytes + Array(" capabilities^{}".utf8) + capabilityBytes + [0x0A])
        }
        for (index, ref) in refs.enumerated() {
            var line = ref.id.hexBytes + [0x20] + ref.name
            if index == 0 { line += capabilityBytes }
            try writer.data(line + [0x0A])
        }
        try writer.flush()
    }

    /// Handles one stateless request (an HTTP POST body): commands, pack,
    /// report.
    public func respond(to request: ByteSource, into sink: ByteSink) throws {
        try receive(from: PktLineReader(request), into: sink)
    }

    /// A whole conversation over a pipe: advertisement, then one push (or
    /// nothing, if the client only sends a flush).
    public func serve(input: ByteSource, output: ByteSink) throws {
        try advertise(to: output)
        try receive(from: PktLineReader(input), into: output)
    }
}
