import PfadObjects
import PfadRepository
import PfadStore

/// The server side of fetch and clone, as `git upload-pack`: advertises the
/// refs, negotiates which objects the client lacks and sends them as a
/// pack (`Documentation/gitprotocol-pack.txt` for v0/v1,
/// `gitprotocol-v2.txt` for v2, `gitprotocol-http.txt` for the stateless
/// form used over HTTP).
///
/// Every request is bounded: at most `maximumWants` wants,
/// `maximumHaves` haves and `maximumArguments` request lines (at most
/// `maximumRequestBytes` bytes); a want must
/// name an advertised tip (or, in stateless mode and with
/// `uploadpack.allowReachableSHA1InWant`, a commit reachable from one).
/// A refused request gets an `ERR` packet and the call throws.
public struct UploadPack: ServiceHandler {
    /// The repository served.
    public let repository: Repository
    /// The protocol the client asked for.
    public let version: ProtocolVersion
    /// One request per call, as over HTTP (`--stateless-rpc`).
    public let stateless: Bool
    /// The `agent=` value advertised.
    public var agent = "pfad/0.1"
    /// Most wants accepted in one request.
    public var maximumWants = 100_000
    /// Most haves accepted in one request (a stateful v0 conversation counts all rounds).
    public var maximumHaves = 100_000
    /// Most lines in one v2 command request.
    public var maximumArguments = 250_000
    /// Most bytes in one v2 command request (pkt-line headers included).
    public var maximumRequestBytes = 32 << 20
    /// Wants may name commits reachable from a tip
    /// (`uploadpack.allowReachableSHA1InWant`; always for stateless requests).
    public var allowReachableWants: Bool
    /// Wants may name any object the repository holds (`uploadpack.allowAnySHA1InWant`).
    public var allowAnyWants: Bool
    /// Builds the packs; its delta settings come from `pack.*`.
    public var generator: PackGenerator
    /// Ref patterns not advertised and not fetchable (`transfer.hideRefs`
    /// then `uploadpack.hideRefs`; `!` re-shows, the last match decides).
    public var hiddenRefs: [String]

    /// A handler for `repository` speaking `version`; `stateless` for
    /// HTTP. Reads `uploadpack.allowReachableSHA1InWant` and
    /// `uploadpack.allowAnySHA1InWant` from the repository's config.
    public init(repository: Repository, version: ProtocolVersion, stateless: Bool) {
        self.repository = repository
        self.version = version
        self.stateless = stateless
        let settings = repository.settings
        allowReachableWants = stateless || ((try? settings.getBool("uploadpack.allowReachableSHA1InWant")) ?? nil) == true
        allowAnyWants = ((try? settings.getBool("uploadpack.allowAnySHA1InWant")) ?? nil) == true
        generator = PackGenerator(repository: repository)
        hiddenRefs = settings.getAll("transfer.hiderefs") + settings.getAll("uploadpack.hiderefs")
    }

    /// The `object-format=` value of the repository.
    var objectFormat: String { repository.algorithm.rawValue }

    /// Writes the v2 capability advertisement or the v0/v1 ref advertisement.
    public func advertise(to sink: ByteSink) throws {
        let writer = PktLineWriter(sink)
        if version == .v2 {
            try advertiseCapabilities(writer)
        } else {
            try advertiseRefs(writer, refs: AdvertisedRefs(repository: repository, hidden: hiddenRefs))
        }
    }

    /// Answers one request (the body of an HTTP POST): a v2 command, or a
    /// v0/v1 want/have round that ends in a flush (acknowledgements) or in
    /// `done` (acknowledgement and pack).
    /// - Throws: `TransportError` for bad or refused requests (after an
    ///   `ERR` packet went out), errors from reading objects.
    public func respond(to request: ByteSource, into sink: ByteSink) throws {
        let reader = PktLineReader(request)
        let writer = PktLineWriter(sink)
        try reportingErrors(to: writer) {
            if version == .v2 {
                _ = try serveCommand(reader: reader, writer: writer)
            } else {
                try negotiate(reader: reader, writer: writer)
            }
        }
        try sink.flush()
    }

    /// Runs a whole conversation over a pipe: the advertisement, then v2
    /// commands until the client sends a flush or hangs up, or the v0/v1
    /// negotiation and the pack.
    public func serve(input: ByteSource, output: ByteSink) throws {
        let reader = PktLineReader(input)
        let writer = PktLineWriter(output)
        try advertise(to: output)
        try output.flush()
        try reportingErrors(to: writer) {
            if version == .v2 {
                while try serveCommand(reader: reader, writer: writer) {}
            } else {
                try negotiate(reader: reader, writer: writer)
            }
        }
        try output.flush()
    }

    /// Runs `body`; a request error becomes an `ERR` packet to the client
    /// before it is rethrown (git's clients show it as `remote error:`).
    private func reportingErrors(to writer: PktLineWriter, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as TransportError {
            switch error {
            case .notOurRef(let hex):
                try? writer.data(Array("ERR upload-pack: not our ref \(hex)".utf8))
            case .limitExceeded, .unexpectedLine, .invalidCommand, .protocolViolation, .malformedPacket, .packetTooLong:
                try? writer.data(Array("ERR \(error.description)".utf8))
            default:
                break
            }
            try? writer.sink.flush()
            throw error
        }
    }

    /// Parses a `want`/`have` line's object id.
    func objectID(_ text: Substring, line: String) throws -> ObjectID {
        guard text.count == repository.algorithm.hexLength, let id = ObjectID(hex: text) else {
            throw TransportError.unexpectedLine(line)
        }
        return id
    }
}
