import PfadObjects

/// The server's answer to one v2 `fetch` round
/// (`Documentation/gitprotocol-v2.txt`, "fetch", output).
public enum FetchResponse: Sendable, Equatable {
    /// An `acknowledgments` section without a pack: the objects the server
    /// has in common; the client sends another round.
    case acknowledgments(common: [ObjectID])
    /// The `packfile` section starts; the reader is at its side-band
    /// packets. `common` lists the acknowledgments that came first.
    case packfile(common: [ObjectID])

    /// Reads sections up to `packfile` or the end of the acknowledgments.
    /// `shallow-info`, `wanted-refs` and `packfile-uris` are skipped.
    /// - Throws: `TransportError.remote` for `ERR`, protocol errors for
    ///   anything else unexpected.
    public static func read(from reader: PktLineReader) throws -> FetchResponse {
        var common: [ObjectID] = []
        while true {
            let header = try reader.next(expecting: "a fetch response section")
            guard let title = header.text else {
                throw TransportError.protocolViolation("expected a section header in the fetch response")
            }
            if title.hasPrefix("ERR ") { throw TransportError.remote(String(title.dropFirst(4))) }
            if title == "packfile" { return .packfile(common: common) }
            let (lines, terminator) = try reader.section(expecting: "the \(title) section")
            if title == "acknowledgments" {
                var ready = false
                for line in lines {
                    let text = Packet.data(line).text ?? ""
                    if text.hasPrefix("ACK "), let id = ObjectID(hex: text.dropFirst(4)) {
                        common.append(id)
                    } else if text == "ready" {
                        ready = true
                    } else if text != "NAK" {
                        throw TransportError.protocolViolation("unexpected acknowledgment '\(text)'")
                    }
                }
                if terminator == .flush || terminator == .responseEnd {
                    if ready { throw TransportError.protocolViolation("expected packfile after 'ready'") }
                    return .acknowledgments(common: common)
                }
            } else if terminator == .flush || terminator == .responseEnd {
                throw TransportError.protocolViolation("fetch response ended after '\(title)' without a packfile")
            }
        }
    }

    /// Reads the v0 answer to an upload-request ending in `done`: `ACK`
    /// lines (`common`, `ready`, `continue` with multi_ack) up to the final
    /// `ACK <id>` or `NAK`; the reader is then at the pack (side-band or raw).
    public static func readV0Acknowledgments(from reader: PktLineReader) throws -> [ObjectID] {
        var common: [ObjectID] = []
        while true {
            let packet = try reader.next(expecting: "ACK/NAK")
            guard let text = packet.text else { continue }
            if text.hasPrefix("ERR ") { throw TransportError.remote(String(text.dropFirst(4))) }
            if text == "NAK" { return common }
            let words = text.split(separator: " ")
            guard words.count >= 2, words[0] == "ACK", let id = ObjectID(hex: words[1]) else {
                throw TransportError.protocolViolation("expected ACK/NAK, got '\(text)'")
            }
            common.append(id)
            if words.count == 2 { return common }
            guard common.count < LsRefs.maximumRefs else { throw TransportError.protocolViolation("too many acknowledgments") }
        }
    }
}
