import ArgumentParser
import Foundation
import PfadRepository

/// `pfad gc`: pack refs, repack everything reachable into one pack with
/// deltas, remove the packed loose objects and empty object folders.
struct GcCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Pack refs and objects; unreachable objects are kept.")

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Show no progress.")
    var quiet = false

    @Flag(help: "Search deltas harder (window 250).")
    var aggressive = false

    @Flag(help: "Do nothing unless many loose objects or packs have piled up (gc.auto, gc.autoPackLimit).")
    var auto = false

    @Option(help: "Accepted for git compatibility; pfad never prunes unreachable objects.")
    var prune: String?

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        if auto, try !GcOperation.isNeeded(repository) { return }
        let meter = ProgressMeter(enabled: !quiet && isatty(2) == 1)
        _ = try GcOperation(repository, aggressive: aggressive).run(progress: meter.report)
        meter.finish()
    }
}
