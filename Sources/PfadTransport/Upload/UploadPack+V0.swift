import PfadObjects

extension UploadPack {
    /// The v0/v1 exchange after the advertisement
    /// (`gitprotocol-pack.txt`, "Packfile Negotiation"): the want lines
    /// (capabilities on the first) and a flush, then rounds of haves each
    /// ended by a flush, and finally `done`.
    ///
    /// With `multi_ack_detailed` every common have is answered `ACK id
    /// common` (`ACK id ready` after the round in which each want came to
    /// reach a common commit) and every flush with `NAK`; without it only the first common have gets
    /// an `ACK id` and a flush gets `NAK` while there is none. After `done`:
    /// `ACK last-common` or `NAK`, then the pack. Stateless (HTTP), a
    /// request ends at its flush; the client repeats wants and common
    /// haves in the next one — unless it asked for `no-done` and the server
    /// became ready: then `ACK last-common` and the pack follow the `NAK`.
    func negotiate(reader: PktLineReader, writer: PktLineWriter) throws {
        let refs = try AdvertisedRefs(repository: repository, hidden: hiddenRefs)
        var negotiation = Negotiation(
            repository: repository, tips: refs.tips, allowReachable: allowReachableWants, allowAny: allowAnyWants)
        var capabilities: Set<Substring> = []
        // The wants.
        var first = true
        while let packet = try reader.nextOrEnd() {
            guard case .data = packet, let text = packet.text else { break }
            guard text.hasPrefix("want ") else { throw TransportError.unexpectedLine(text) }
            var fields = text.dropFirst(5).split(separator: " ", omittingEmptySubsequences: true)
            guard !fields.isEmpty else { throw TransportError.unexpectedLine(text) }
            let hex = fields.removeFirst()
            if first { capabilities = Set(fields) } else if !fields.isEmpty { throw TransportError.unexpectedLine(text) }
            first = false
            guard negotiation.wants.count < maximumWants else { throw TransportError.limitExceeded(what: "wants", limit: maximumWants) }
            try negotiation.want(try objectID(hex, line: text))
        }
        // No wants: the client has everything (or only listed the refs).
        guard !negotiation.wants.isEmpty else { return }

        let detailed = capabilities.contains("multi_ack_detailed")
        let noDone = capabilities.contains("no-done")
        var delivery = PackDelivery(
            sidebandPacket: capabilities.contains("side-band-64k") ? Packet.maximumLength : capabilities.contains("side-band") ? 1000 : nil,
            progress: !capabilities.contains("no-progress"),
            options: .init(
                thin: capabilities.contains("thin-pack"), includeTag: capabilities.contains("include-tag"),
                offsetDeltas: capabilities.contains("ofs-delta")))
        if delivery.sidebandPacket == nil { delivery.progress = false }

        var haveCount = 0
        var acknowledgedOnce = false
        var sentReady = false
        var lastCommon: ObjectID?
        while true {
            guard let packet = try reader.nextOrEnd() else { return }  // the client hung up: nothing to send
            switch packet {
            case .flush:
                if detailed {
                    if !sentReady, let last = lastCommon, try negotiation.isReady() {
                        sentReady = true
                        try writer.line("ACK \(last.hex) ready")
                    }
                    try writer.line("NAK")
                    // `no-done` (stateless only): once ready, the final ACK
                    // and the pack follow at once; no extra round for `done`.
                    if stateless, noDone, sentReady, let last = lastCommon {
                        try writer.line("ACK \(last.hex)")
                        try sendPack(negotiation, delivery: delivery, writer: writer)
                        return
                    }
                } else if !acknowledgedOnce {
                    try writer.line("NAK")
                }
                try writer.sink.flush()
                if stateless { return }
            case .data:
                let text = packet.text ?? ""
                if text == "done" {
                    if let last = lastCommon { try writer.line("ACK \(last.hex)") } else { try writer.line("NAK") }
                    try sendPack(negotiation, delivery: delivery, writer: writer)
                    return
                }
                guard text.hasPrefix("have ") else { throw TransportError.unexpectedLine(text) }
                haveCount += 1
                guard haveCount <= maximumHaves else { throw TransportError.limitExceeded(what: "haves", limit: maximumHaves) }
                let id = try objectID(text.dropFirst(5), line: text)
                guard negotiation.have(id) else { continue }
                lastCommon = id
                if detailed {
                    // Readiness is checked once per round (at the flush), not per have.
                    try writer.line("ACK \(id.hex) \(sentReady ? "ready" : "common")")
                } else if !acknowledgedOnce {
                    acknowledgedOnce = true
                    try writer.line("ACK \(id.hex)")
                }
            case .delimiter, .responseEnd:
                throw TransportError.protocolViolation("unexpected special packet in negotiation")
            }
        }
    }
}
