/// Writes what a push tells its client: messages for the user (side-band
/// channel 2 when the client asked for side-band, else `diagnostics`) and
/// the report-status (`Documentation/gitprotocol-pack.txt`,
/// "Report Status"): `unpack ok` or `unpack <error>`, then `ok <ref>` or
/// `ng <ref> <reason>` per command, then a flush — wrapped in side-band
/// channel 1 packets (and a final flush) with `side-band-64k`.
struct ReceiveReporter {
    let sink: ByteSink
    let request: ReceiveRequest
    let diagnostics: (@Sendable (String) -> Void)?

    private var sideband: SidebandWriter? {
        if request.has("side-band-64k") { return SidebandWriter(PktLineWriter(sink)) }
        if request.has("side-band") { return SidebandWriter(PktLineWriter(sink), maximumPacket: 1000) }
        return nil
    }

    /// Shows `text` to the pusher (`remote: <text>` in git's output).
    func message(_ text: String) {
        if let sideband {
            try? sideband.send(Array((text + "\n").utf8), on: .progress)
        } else {
            diagnostics?(text)
        }
    }

    /// Sends the report if the client asked for one (`report-status` or
    /// `report-status-v2`); otherwise only flushes.
    func report(unpackError: String?, results: [(command: ReceiveCommand, status: ReceiveStatus)]) throws {
        guard request.has("report-status") || request.has("report-status-v2") else {
            if let sideband { try sideband.writer.flush() } else { try sink.flush() }
            return
        }
        let body = BufferSink()
        let writer = PktLineWriter(body)
        try writer.line(unpackError.map { "unpack " + $0 } ?? "unpack ok")
        for (command, status) in results {
            switch status {
            case .ok: try writer.data(Array("ok ".utf8) + command.name + [0x0A])
            case .rejected(let reason): try writer.data(Array("ng ".utf8) + command.name + Array(" \(reason)\n".utf8))
            }
        }
        try writer.flush()
        if let sideband {
            try sideband.send(body.bytes, on: .data)
            try sideband.writer.flush()
        } else {
            try sink.write(body.bytes)
            try sink.flush()
        }
    }
}
