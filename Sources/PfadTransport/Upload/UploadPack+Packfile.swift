import PfadObjects

/// How the pack goes out: multiplexed with progress, or raw.
struct PackDelivery {
    /// Side-band framing (v2, `side-band-64k`: 65520-byte packets; `side-band`: 1000), nil for a raw pack.
    var sidebandPacket: Int?
    /// Progress messages on channel 2.
    var progress: Bool
    /// Generator options from the client's capabilities.
    var options: PackGenerator.Options
}

extension UploadPack {
    /// Sends the pack for the negotiated wants and common haves. With
    /// side-band the data goes on channel 1, progress (git's wording) on
    /// channel 2, a failure on channel 3, and a flush packet ends it.
    func sendPack(_ negotiation: Negotiation, delivery: PackDelivery, writer: PktLineWriter) throws {
        guard let packetSize = delivery.sidebandPacket else {
            let sink = writer.sink
            _ = try generator.write(
                wants: negotiation.wants, haves: negotiation.common, options: delivery.options, to: sink)
            return
        }
        let band = SidebandWriter(writer, maximumPacket: packetSize)
        let reporter = ProgressReporter(band: delivery.progress ? band : nil)
        do {
            let summary = try generator.write(
                wants: negotiation.wants, haves: negotiation.common, options: delivery.options,
                output: { bytes in try band.send(bytes, on: .data) },
                progress: { reporter.report($0) })
            reporter.finish(summary)
        } catch {
            try? band.error("upload-pack: \(error)\n")
            throw error
        }
        try writer.flush()
    }
}

/// Turns generator progress into git's terminal lines (`pack-objects`
/// wording): a running "Enumerating objects: N\r" once a second during
/// long walks, then "Enumerating objects: N, done.", "Counting objects:
/// 100% (N/N), done.", "Compressing objects: 100% (D/D), done.", "Total …".
final class ProgressReporter {
    private let band: SidebandWriter?
    private var enumerated = 0
    private var enumerationDone = false
    private let clock = ContinuousClock()
    private var lastShown: ContinuousClock.Instant?

    /// A reporter writing to `band` (nil: silent).
    init(band: SidebandWriter?) {
        self.band = band
    }

    /// Handles one event; progress is best effort (a failed write is left
    /// to the pack data to report).
    func report(_ event: PackGenerator.Progress) {
        guard let band else { return }
        switch event {
        case .enumerating(let count):
            enumerated = count
            // A running count at most once a second, as git's progress does.
            let now = clock.now
            if let last = lastShown, now - last < .seconds(1) { return }
            if lastShown == nil { lastShown = now; return }
            lastShown = now
            try? band.progress("Enumerating objects: \(count)\r")
        case .compressing(let done, let total):
            finishEnumeration()
            if done == total && total > 0 { try? band.progress("Compressing objects: 100% (\(total)/\(total)), done.\n") }
        case .writing:
            finishEnumeration()
        }
    }

    /// The closing "Total" line.
    func finish(_ summary: PackGenerator.Summary) {
        guard let band else { return }
        finishEnumeration()
        try? band.progress("Total \(summary.objectCount) (delta \(summary.deltaCount)), reused 0 (delta 0), pack-reused 0\n")
    }

    private func finishEnumeration() {
        guard let band, !enumerationDone else { return }
        enumerationDone = true
        try? band.progress("Enumerating objects: \(enumerated), done.\n")
        try? band.progress("Counting objects: 100% (\(enumerated)/\(enumerated)), done.\n")
    }
}
