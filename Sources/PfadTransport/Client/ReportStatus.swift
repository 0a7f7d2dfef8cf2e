/// The receive-pack answer to a push (`report-status`,
/// `Documentation/gitprotocol-pack.txt`, "Report Status"): `unpack ok` or
/// `unpack <error>`, then `ok <ref>` / `ng <ref> <reason>` lines.
public struct ReportStatus: Sendable, Equatable {
    /// nil when the pack was unpacked, else the remote's error.
    public var unpackError: String?
    /// Per ref: nil for ok, the reason for ng.
    public var refs: [(name: [UInt8], error: String?)]

    public static func == (a: ReportStatus, b: ReportStatus) -> Bool {
        a.unpackError == b.unpackError && a.refs.count == b.refs.count
            && zip(a.refs, b.refs).allSatisfy { $0.name == $1.name && $0.error == $1.error }
    }

    /// Parses the pkt-lines up to a flush from `reader` (report-status-v2
    /// `option` lines are skipped).
    /// - Throws: protocol errors for lines that are not part of a report.
    public static func read(from reader: PktLineReader) throws -> ReportStatus {
        var status = ReportStatus(unpackError: nil, refs: [])
        let first = try reader.next(expecting: "the push status report")
        guard let text = first.text, text.hasPrefix("unpack ") else {
            throw TransportError.protocolViolation("expected 'unpack' in the status report, got '\(first.text ?? "a special packet")'")
        }
        let result = String(text.dropFirst(7))
        status.unpackError = result == "ok" ? nil : result
        while true {
            let packet = try reader.next(expecting: "the rest of the status report")
            guard case .data = packet, let line = packet.line else { return status }
            guard status.refs.count < LsRefs.maximumRefs else { throw TransportError.protocolViolation("status report too long") }
            if line.starts(with: Array("ok ".utf8)) {
                status.refs.append((Array(line.dropFirst(3)), nil))
            } else if line.starts(with: Array("ng ".utf8)) {
                let rest = line.dropFirst(3)
                if let space = rest.firstIndex(of: 0x20) {
                    status.refs.append((Array(rest[..<space]), String(decoding: rest[(space + 1)...], as: UTF8.self)))
                } else {
                    status.refs.append((Array(rest), "failed"))
                }
            } else if line.starts(with: Array("option ".utf8)) {
                continue
            } else {
                throw TransportError.protocolViolation("bad status report line '\(String(decoding: line, as: UTF8.self))'")
            }
        }
    }
}
