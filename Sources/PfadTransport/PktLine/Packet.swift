/// One unit of git's pkt-line framing
/// (`Documentation/gitprotocol-common.txt`, "pkt-line Format"; the special
/// packets of protocol v2 in `Documentation/gitprotocol-v2.txt`).
public enum Packet: Sendable, Hashable {
    /// A data packet: `hhhh` (length including the four header bytes) and
    /// the payload.
    case data([UInt8])
    /// `0000`: end of a message or section.
    case flush
    /// `0001`: separates the sections of a v2 request.
    case delimiter
    /// `0002`: end of a v2 response in stateless connections.
    case responseEnd

    /// The largest packet including its header (`LARGE_PACKET_MAX`).
    public static let maximumLength = 65520
    /// The largest payload of one data packet.
    public static let maximumPayload = maximumLength - 4

    /// The payload of a data packet without one trailing newline (git's
    /// writers add `\n` to text lines; readers must not depend on it).
    public var line: [UInt8]? {
        guard case .data(let payload) = self else { return nil }
        return payload.last == 0x0A ? Array(payload.dropLast()) : payload
    }

    /// `line` decoded as UTF-8 (invalid sequences replaced), for text
    /// packets such as capabilities and commands.
    public var text: String? {
        line.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The packet as it goes on the wire.
    /// - Throws: `TransportError.packetTooLong` for payloads over
    ///   `maximumPayload` bytes.
    public func encoded() throws -> [UInt8] {
        switch self {
        case .flush: return Array("0000".utf8)
        case .delimiter: return Array("0001".utf8)
        case .responseEnd: return Array("0002".utf8)
        case .data(let payload):
            guard payload.count <= Self.maximumPayload else { throw TransportError.packetTooLong(payload.count + 4) }
            var bytes = Self.header(payload.count + 4)
            bytes += payload
            return bytes
        }
    }

    /// The four lower-case hex digits of `length`.
    static func header(_ length: Int) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [12, 8, 4, 0].map { digits[(length >> $0) & 0xF] }
    }
}
