import PfadObjects

/// What a fetch asks the server for and how (capabilities the client
/// turns on); see `Documentation/gitprotocol-v2.txt` ("fetch") and
/// `gitprotocol-capabilities.txt`.
public struct FetchRequest: Sendable, Equatable {
    /// Objects wanted (ref tips the client lacks), duplicates allowed as git sends them.
    public var wants: [ObjectID]
    /// Objects the client has (commits, newest first).
    public var haves: [ObjectID]
    /// Whether this is the last round (`done`).
    public var done: Bool
    /// Ask for a thin pack (deltas against objects the client has).
    public var thinPack = true
    /// Ask the server not to send progress (`no-progress`).
    public var noProgress = false
    /// Ask for annotated tags pointing at sent objects (`include-tag`).
    public var includeTag = false
    /// Accept offset deltas (`ofs-delta`).
    public var ofsDelta = true
    /// The `agent=` value, sent only when the server advertised `agent`.
    public var agent: String?
    /// The object format, sent only when the server advertised `object-format`.
    public var objectFormat: HashAlgorithm?

    /// A request for `wants` given `haves`.
    public init(wants: [ObjectID], haves: [ObjectID], done: Bool) {
        self.wants = wants
        self.haves = haves
        self.done = done
    }

    /// The v2 `command=fetch` request in pkt-lines, as git 2.39 writes it:
    /// capability lines, delimiter, arguments (`thin-pack`, `no-progress`,
    /// `include-tag`, `ofs-delta`, wants, haves, `done`), flush.
    public func encodedV2() throws -> [UInt8] {
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        try writer.line("command=fetch")
        if let agent { try writer.line("agent=\(agent)") }
        if let objectFormat { try writer.line("object-format=\(objectFormat.rawValue)") }
        try writer.delimiter()
        if thinPack { try writer.line("thin-pack") }
        if noProgress { try writer.line("no-progress") }
        if includeTag { try writer.line("include-tag") }
        if ofsDelta { try writer.line("ofs-delta") }
        for want in wants { try writer.line("want \(want.hex)") }
        for have in haves { try writer.line("have \(have.hex)") }
        if done { try writer.line("done") }
        try writer.flush()
        return sink.bytes
    }

    /// The v0/v1 upload-request (`Documentation/gitprotocol-pack.txt`,
    /// "Packfile Negotiation"): the first want line carries the
    /// capabilities, a flush ends the wants, then every have and `done` in
    /// one message — valid for pipes and for stateless HTTP alike.
    /// `serverCapabilities` limits what is asked for to what was offered.
    public func encodedV0(serverCapabilities: ServerAdvertisement) throws -> [UInt8] {
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        var capabilities: [String] = []
        for (name, on) in [("multi_ack_detailed", true), ("side-band-64k", true), ("thin-pack", thinPack),
                           ("no-progress", noProgress), ("include-tag", includeTag), ("ofs-delta", ofsDelta)]
        where on && serverCapabilities.has(name) {
            capabilities.append(name)
        }
        if let agent, serverCapabilities.has("agent") { capabilities.append("agent=\(agent)") }
        if let objectFormat, serverCapabilities.has("object-format") { capabilities.append("object-format=\(objectFormat.rawValue)") }
        var seen = Set<ObjectID>()
        for want in wants where seen.insert(want).inserted {
            if seen.count == 1 {
                try writer.line("want \(want.hex) " + capabilities.joined(separator: " "))
            } else {
                try writer.line("want \(want.hex)")
            }
        }
        try writer.flush()
        for have in haves { try writer.line("have \(have.hex)") }
        try writer.line("done")
        return sink.bytes
    }
}
