import PfadObjects

/// The client side of one conversation with `upload-pack` over any
/// `ServiceConnection`: the advertisement, `ls-refs` and the `fetch`
/// negotiation, for protocol v2 and (when the server only speaks that) v0.
/// Every v2 round is a complete request, so it works unchanged over
/// stateless HTTP.
public final class FetchSession {
    /// The connection.
    public let connection: ServiceConnection
    /// What the server said first.
    public let advertisement: ServerAdvertisement
    /// The `agent=` value sent when the server advertises `agent`.
    public var agent = "pfad/1.0"
    /// Most negotiation rounds before `done` is sent regardless.
    public var maximumRounds = 16
    /// `have` lines per round.
    public var havesPerRound = 32

    /// Opens the session: reads the server's advertisement.
    public init(connection: ServiceConnection) throws {
        self.connection = connection
        self.advertisement = try ServerAdvertisement.read(from: connection.advertisement())
    }

    private var requestedPack = false

    /// Ends a v0 conversation that requested no pack with the flush packet
    /// git sends (v2 needs nothing). Call before closing the connection.
    public func finish() throws {
        if advertisement.version != .v2 && !requestedPack {
            // Best effort: a stateless server may answer nothing at all.
            _ = try? connection.request(Packet.flush.encoded())
        }
    }

    /// The object format of the remote repository.
    public func objectFormat() throws -> HashAlgorithm { try advertisement.objectFormat() }

    private var sentAgent: String? { advertisement.has("agent") ? agent : nil }
    private var sentFormat: HashAlgorithm? {
        advertisement.has("object-format") ? (try? advertisement.objectFormat()) : nil
    }

    /// The remote's refs whose names start with one of `prefixes` (all when
    /// empty). v2 sends `ls-refs` with `ref-prefix` lines; v0 filters the
    /// advertisement.
    public func listRefs(prefixes: [String]) throws -> [AdvertisedRef] {
        if advertisement.version == .v2 {
            let unborn = advertisement.values("ls-refs").contains { $0.split(separator: " ").contains("unborn") }
            let body = try LsRefs.request(prefixes: prefixes, agent: sentAgent, objectFormat: sentFormat, unborn: unborn)
            return try LsRefs.parse(connection.request(body))
        }
        guard !prefixes.isEmpty else { return advertisement.refs }
        return advertisement.refs.filter { ref in prefixes.contains { ref.name.starts(with: Array($0.utf8)) } }
    }

    /// Negotiates and returns a reader of the pack bytes (side-band
    /// demultiplexed; channel-2 text goes to `progress`). `haves` supplies
    /// local commits newest first and learns which ones the server has.
    /// Call only with at least one want.
    public func fetchPack(wants: [ObjectID], haves: HaveWalker?, includeTag: Bool, noProgress: Bool,
                          progress: @escaping ([UInt8]) -> Void) throws -> ByteSource {
        var request = FetchRequest(wants: wants, haves: [], done: false)
        request.includeTag = includeTag
        request.noProgress = noProgress
        request.agent = sentAgent
        request.objectFormat = sentFormat
        requestedPack = true
        if advertisement.version != .v2 {
            request.haves = haves?.next(havesPerRound * 8) ?? []
            request.done = true
            let reader = try connection.request(request.encodedV0(serverCapabilities: advertisement))
            _ = try FetchResponse.readV0Acknowledgments(from: reader)
            if advertisement.has("side-band-64k") || advertisement.has("side-band") {
                return SidebandReader(reader, progress: progress)
            }
            return reader
        }
        var common: [ObjectID] = []
        var round = 0
        while true {
            round += 1
            let batch = haves?.next(havesPerRound) ?? []
            request.haves = common + batch
            request.done = batch.isEmpty || round >= maximumRounds || (haves?.isExhausted ?? true) && batch.isEmpty
            let reader = try connection.request(request.encodedV2())
            switch try FetchResponse.read(from: reader) {
            case .packfile:
                return SidebandReader(reader, progress: progress)
            case .acknowledgments(let acknowledged):
                for id in acknowledged where !common.contains(id) {
                    common.append(id)
                    haves?.markCommon(id)
                }
                if request.done { throw TransportError.protocolViolation("server sent no pack after 'done'") }
            }
        }
    }
}
