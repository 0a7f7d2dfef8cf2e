import PfadObjects

/// One v2 command request: `command=X`, capability lines, a delimiter, the
/// arguments and a flush (`gitprotocol-v2.txt`, "Command Request").
struct CommandRequest {
    /// The command (`ls-refs`, `fetch`).
    var command: String
    /// Capability lines (`agent=…`, `object-format=…`, `server-option=…`).
    var capabilities: [String]
    /// The argument lines, newline removed.
    var arguments: [String]

    /// Reads one request; nil when the client ends the session (a flush
    /// packet or the end of the stream where a request would start).
    /// - Throws: `TransportError.limitExceeded` past `maximumLines` lines or
    ///   `maximumBytes` bytes, `.unexpectedLine` for a request without
    ///   `command=`, framing errors.
    static func read(from reader: PktLineReader, maximumLines: Int, maximumBytes: Int) throws -> CommandRequest? {
        guard let first = try reader.nextOrEnd(), first != .flush else { return nil }
        var lines = 0
        var bytes = 0
        func count(_ packet: Packet) throws {
            if case .data(let payload) = packet { bytes += payload.count + 4 }
            guard bytes <= maximumBytes else { throw TransportError.limitExceeded(what: "request bytes", limit: maximumBytes) }
        }
        try count(first)
        var packet = first
        var command: String?
        var capabilities: [String] = []
        while case .data = packet {
            let text = packet.text ?? ""
            if text.hasPrefix("command=") {
                guard command == nil else { throw TransportError.unexpectedLine(text) }
                command = String(text.dropFirst(8))
            } else {
                capabilities.append(text)
            }
            lines += 1
            guard lines <= maximumLines else { throw TransportError.limitExceeded(what: "request lines", limit: maximumLines) }
            packet = try reader.next(expecting: "a command request")
            try count(packet)
        }
        guard let command else { throw TransportError.unexpectedLine(capabilities.first ?? "") }
        var arguments: [String] = []
        if packet == .delimiter {
            while true {
                packet = try reader.next(expecting: "the arguments of \(command)")
                try count(packet)
                guard case .data = packet else { break }
                arguments.append(packet.text ?? "")
                lines += 1
                guard lines <= maximumLines else { throw TransportError.limitExceeded(what: "request lines", limit: maximumLines) }
            }
        }
        guard packet == .flush else { throw TransportError.protocolViolation("expected flush after \(command) arguments") }
        return CommandRequest(command: command, capabilities: capabilities, arguments: arguments)
    }
}

extension UploadPack {
    /// Reads and answers one v2 command; false when the client ended the session.
    func serveCommand(reader: PktLineReader, writer: PktLineWriter) throws -> Bool {
        guard let request = try CommandRequest.read(from: reader, maximumLines: maximumArguments, maximumBytes: maximumRequestBytes) else { return false }
        for capability in request.capabilities where capability.hasPrefix("object-format=") {
            guard capability.dropFirst(14) == objectFormat else {
                throw TransportError.protocolViolation("mismatched object format: \(capability.dropFirst(14))")
            }
        }
        switch request.command {
        case "ls-refs":
            try listRefs(arguments: request.arguments, writer: writer)
        case "fetch":
            try fetch(arguments: request.arguments, writer: writer)
        default:
            throw TransportError.invalidCommand(request.command)
        }
        return true
    }

    /// The v2 `fetch` command: wants and haves in one request; without
    /// `done` an `acknowledgments` section (ACKs of the common haves or
    /// NAK, then `ready` when the server can cut the history), and the
    /// `packfile` section when the client said `done` or the server is ready.
    func fetch(arguments: [String], writer: PktLineWriter) throws {
        let refs = try AdvertisedRefs(repository: repository, hidden: hiddenRefs)
        var negotiation = Negotiation(
            repository: repository, tips: refs.tips, allowReachable: allowReachableWants, allowAny: allowAnyWants)
        var done = false
        var waitForDone = false
        var haveCount = 0
        var acknowledged: [ObjectID] = []
        var delivery = PackDelivery(sidebandPacket: Packet.maximumLength, progress: true, options: .init(offsetDeltas: false))
        for argument in arguments {
            if argument.hasPrefix("want ") {
                guard negotiation.wants.count < maximumWants else {
                    throw TransportError.limitExceeded(what: "wants", limit: maximumWants)
                }
                try negotiation.want(try objectID(argument.dropFirst(5), line: argument))
            } else if argument.hasPrefix("have ") {
                haveCount += 1
                guard haveCount <= maximumHaves else { throw TransportError.limitExceeded(what: "haves", limit: maximumHaves) }
                let id = try objectID(argument.dropFirst(5), line: argument)
                if negotiation.have(id) { acknowledged.append(id) }
            } else {
                switch argument {
                case "done": done = true
                case "thin-pack": delivery.options.thin = true
                case "no-progress": delivery.progress = false
                case "include-tag": delivery.options.includeTag = true
                case "ofs-delta": delivery.options.offsetDeltas = true
                case "wait-for-done": waitForDone = true
                default: throw TransportError.unexpectedLine(argument)
                }
            }
        }
        if !done {
            try writer.line("acknowledgments")
            if acknowledged.isEmpty { try writer.line("NAK") }
            for id in acknowledged { try writer.line("ACK \(id.hex)") }
            guard !waitForDone, !negotiation.wants.isEmpty, try negotiation.isReady() else {
                try writer.flush()
                return
            }
            try writer.line("ready")
            try writer.delimiter()
        }
        try writer.line("packfile")
        try sendPack(negotiation, delivery: delivery, writer: writer)
    }
}
