import ArgumentParser
import Foundation
import PfadRepository

/// `pfad repack -a -d`: pack every reachable object into one new pack with
/// delta compression and remove what the pack makes redundant.
struct RepackCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "repack",
        abstract: "Pack all reachable objects into one pack with delta compression.")

    @Flag(name: .customShort("a"), help: "Pack everything reachable into one pack (always the case in pfad).")
    var all = false

    @Flag(name: .customShort("A"), help: "As -a (pfad never drops unreachable objects).")
    var allKeepingUnreachable = false

    @Flag(name: .customShort("d"), help: "Remove redundant packs and the packed loose objects.")
    var deleteRedundant = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Show no progress.")
    var quiet = false

    @Option(help: "Objects tried as delta bases per object (default 10).")
    var window: Int?

    @Option(help: "Longest delta chain (default 50).")
    var depth: Int?

    @Option(help: "Delta-search threads (0 = one per core).")
    var threads: Int?

    func run(_ io: CommandIO) throws {
        guard all || allKeepingUnreachable else {
            throw UsageError("pfad repack writes full packs only: use -a (with -d to remove what it makes redundant)")
        }
        let repository = try CommandContext.repository(io)
        var options = try RepackOperation.Options(settings: repository.settings)
        options.deleteRedundant = deleteRedundant
        if let window { options.window = max(window, 0) }
        if let depth { options.depth = max(depth, 0) }
        if let threads { options.threads = max(threads, 0) }
        let meter = ProgressMeter(enabled: !quiet && isatty(2) == 1)
        _ = try RepackOperation(repository, options: options).run(progress: meter.report)
        meter.finish()
    }
}
