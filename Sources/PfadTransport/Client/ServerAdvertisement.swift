import PfadObjects

/// What a server says first: the protocol it speaks, its capabilities and —
/// in v0/v1 — its refs (`Documentation/gitprotocol-pack.txt`, "Reference
/// Discovery"; `Documentation/gitprotocol-v2.txt`, "Capability
/// Advertisement").
public struct ServerAdvertisement: Sendable {
    /// `.v2` when the server answered `version 2`, `.v0` otherwise (v1 is
    /// v0 with a `version 1` line first).
    public var version: ProtocolVersion
    /// Capabilities: v2 lines (`fetch=shallow wait-for-done`) or the v0
    /// words after the NUL of the first ref line (`symref=HEAD:refs/heads/main`).
    public var capabilities: [String]
    /// The refs (v0 only; a v2 client asks with `ls-refs`).
    public var refs: [AdvertisedRef]

    /// An advertisement from its parts.
    public init(version: ProtocolVersion, capabilities: [String], refs: [AdvertisedRef] = []) {
        self.version = version
        self.capabilities = capabilities
        self.refs = refs
    }

    /// True if the capability `name` is present (with or without a value).
    public func has(_ name: String) -> Bool {
        capabilities.contains { $0 == name || $0.hasPrefix(name + "=") }
    }

    /// The values of `name=value` capabilities (`symref` may appear often).
    public func values(_ name: String) -> [String] {
        capabilities.compactMap { $0.hasPrefix(name + "=") ? String($0.dropFirst(name.count + 1)) : nil }
    }

    /// The object format the server uses (`object-format=`), sha1 if absent.
    /// - Throws: `TransportError.protocolViolation` for unknown formats.
    public func objectFormat() throws -> HashAlgorithm {
        guard let name = values("object-format").first else { return .sha1 }
        guard let algorithm = HashAlgorithm(rawValue: name) else {
            throw TransportError.protocolViolation("unknown object format '\(name)'")
        }
        return algorithm
    }

    /// Reads the server's first message from `reader`.
    /// - Throws: `TransportError.remote` for an `ERR` line, protocol errors
    ///   for malformed ref lines.
    public static func read(from reader: PktLineReader) throws -> ServerAdvertisement {
        var first = try reader.next(expecting: "the server's advertisement")
        if case .data = first, let text = first.text, text == "version 1" {
            first = try reader.next(expecting: "the server's advertisement")
        }
        guard case .data = first, let firstText = first.text else {
            // An empty repository over v0 without capabilities^{}: nothing at all.
            return ServerAdvertisement(version: .v0, capabilities: [])
        }
        if firstText.hasPrefix("ERR ") { throw TransportError.remote(String(firstText.dropFirst(4))) }
        if firstText == "version 2" {
            let (lines, _) = try reader.section(expecting: "capabilities")
            let capabilities = lines.map { line in
                String(decoding: line.last == 0x0A ? line.dropLast() : line[...], as: UTF8.self)
            }
            return ServerAdvertisement(version: .v2, capabilities: capabilities)
        }
        var advertisement = ServerAdvertisement(version: .v0, capabilities: [])
        var packet = first
        var isFirst = true
        while case .data = packet, var line = packet.line {
            if isFirst, let nul = line.firstIndex(of: 0) {
                advertisement.capabilities = String(decoding: line[(nul + 1)...], as: UTF8.self)
                    .split(separator: " ").map(String.init)
                line = Array(line[..<nul])
            }
            isFirst = false
            if line.starts(with: Array("ERR ".utf8)) {
                throw TransportError.remote(String(decoding: line.dropFirst(4), as: UTF8.self))
            }
            try advertisement.addV0Line(line)
            guard advertisement.refs.count < LsRefs.maximumRefs else {
                throw TransportError.protocolViolation("more than \(LsRefs.maximumRefs) refs")
            }
            packet = try reader.next(expecting: "the rest of the ref advertisement")
        }
        advertisement.applySymrefCapabilities()
        return advertisement
    }

    /// Adds one `<id> <name>` line; `^{}` lines peel the previous ref;
    /// `capabilities^{}` (empty repository) adds nothing.
    mutating func addV0Line(_ line: [UInt8]) throws {
        guard let space = line.firstIndex(of: 0x20), let id = ObjectID(hexBytes: line[..<space]) else {
            throw TransportError.protocolViolation("bad ref line '\(String(decoding: line, as: UTF8.self))'")
        }
        let name = Array(line[(space + 1)...])
        if name == Array("capabilities^{}".utf8) { return }
        if name.count > 3, name.suffix(3) == Array("^{}".utf8) {
            if let last = refs.indices.last, refs[last].name == Array(name.dropLast(3)) { refs[last].peeled = id }
            return
        }
        refs.append(AdvertisedRef(name: name, id: id))
    }

    /// Applies `symref=HEAD:refs/heads/main` capabilities to the refs.
    mutating func applySymrefCapabilities() {
        for value in values("symref") {
            guard let colon = value.firstIndex(of: ":") else { continue }
            let source = Array(value[..<colon].utf8)
            let target = Array(value[value.index(after: colon)...].utf8)
            for i in refs.indices where refs[i].name == source { refs[i].symrefTarget = target }
        }
    }
}
