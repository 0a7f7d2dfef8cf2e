import PfadObjects

/// One line of a push's command list: `<old-id> <new-id> <refname>`
/// (`Documentation/gitprotocol-pack.txt`, "Reference Update Request and
/// Packfile Transfer"). A null old id creates the ref, a null new id
/// deletes it.
public struct ReceiveCommand: Sendable, Hashable {
    /// The value the client believes the ref has (null: it must not exist).
    public var old: ObjectID
    /// The value the ref should get (null: delete it).
    public var new: ObjectID
    /// The full ref name, e.g. `refs/heads/arnsberg/wanderwege`.
    public var name: [UInt8]

    /// A command.
    public init(old: ObjectID, new: ObjectID, name: [UInt8]) {
        self.old = old
        self.new = new
        self.name = name
    }

    /// True when the ref is to be removed.
    public var isDelete: Bool { new.isNull }
    /// True when the ref is to be created.
    public var isCreate: Bool { old.isNull && !new.isNull }
    /// The ref name as text (for messages).
    public var displayName: String { String(decoding: name, as: UTF8.self) }
}

/// The outcome of one command, as the report-status line says it.
public enum ReceiveStatus: Sendable, Hashable {
    /// `ok <ref>`: the ref was updated.
    case ok
    /// `ng <ref> <reason>`: the ref was left alone.
    case rejected(String)

    /// True for `.ok`.
    public var isOK: Bool { self == .ok }
}

/// A parsed push request: the commands, the capabilities the client chose
/// on the first command line, and its push options.
public struct ReceiveRequest: Sendable {
    /// The commands in the order sent.
    public var commands: [ReceiveCommand]
    /// Capabilities after the NUL of the first line (`report-status`,
    /// `side-band-64k`, `atomic`, `quiet`, `agent=…`, …).
    public var capabilities: [String]

    /// A request.
    public init(commands: [ReceiveCommand], capabilities: [String]) {
        self.commands = commands
        self.capabilities = capabilities
    }

    /// True if the client asked for `name` (exact word or `name=value`).
    public func has(_ name: String) -> Bool {
        capabilities.contains { $0 == name || $0.hasPrefix(name + "=") }
    }

    /// True if any command needs objects (creates or updates a ref), so a
    /// pack follows the command list.
    public var expectsPack: Bool { commands.contains { !$0.isDelete } }

    /// Reads the command list up to its flush packet. Returns nil when the
    /// client sent only a flush (nothing to push). At most
    /// `maximumCommands` lines are accepted.
    /// - Throws: `TransportError.protocolViolation` for malformed lines or
    ///   ids of the wrong length, `.unexpectedEnd` if the stream stops early.
    public static func read(from reader: PktLineReader, algorithm: HashAlgorithm, maximumCommands: Int = 100_000) throws -> ReceiveRequest? {
        var commands: [ReceiveCommand] = []
        var capabilities: [String] = []
        while true {
            guard let packet = try reader.nextOrEnd() else {
                if commands.isEmpty { return nil }
                throw TransportError.unexpectedEnd(context: "expected a command or flush")
            }
            guard case .data = packet, var line = packet.line else {
                if packet == .flush { break }
                throw TransportError.protocolViolation("unexpected special packet in the command list")
            }
            if commands.isEmpty, let nul = line.firstIndex(of: 0) {
                capabilities = String(decoding: line[(nul + 1)...], as: UTF8.self).split(separator: " ").map(String.init)
                line = Array(line[..<nul])
            }
            if line.starts(with: Array("shallow ".utf8)) {
                throw TransportError.protocolViolation("shallow pushes are not supported")
            }
            commands.append(try parseCommand(line, algorithm: algorithm))
            guard commands.count <= maximumCommands else {
                throw TransportError.protocolViolation("more than \(maximumCommands) commands")
            }
        }
        return commands.isEmpty ? nil : ReceiveRequest(commands: commands, capabilities: capabilities)
    }

    /// Parses `<old> <new> <name>`.
    static func parseCommand(_ line: [UInt8], algorithm: HashAlgorithm) throws -> ReceiveCommand {
        let hex = algorithm.hexLength
        let shown = String(decoding: line.prefix(200), as: UTF8.self)
        guard line.count > 2 * hex + 2, line[hex] == 0x20, line[2 * hex + 1] == 0x20,
            let old = ObjectID(hexBytes: line[0..<hex]),
            let new = ObjectID(hexBytes: line[(hex + 1)..<(2 * hex + 1)])
        else {
            throw TransportError.protocolViolation("bad command line '\(shown)'")
        }
        return ReceiveCommand(old: old, new: new, name: Array(line[(2 * hex + 2)...]))
    }
}
