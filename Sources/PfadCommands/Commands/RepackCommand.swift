import ArgumentParser
import Foundation
import PfadRepository

/// `pfad repack -a -d`: pack every reachable object into one new pack with
/// delta compression and remove what the pack makes redundant.
struct RepackCommand: ParsableCommand {
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

    func run() throws {
        guard all || allKeepingUnreachable else {
            throw UsageError("pfad repack writes full packs only: use -a (with -d to remove what it makes redundant)")
        }
        let repository = try CommandContext.repository()
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

/// git-style progress lines on standard error ("Compressing objects:  45%
/// (9/20)"), rewritten in place with `\r`, only on a terminal.
final class ProgressMeter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var title = ""
    private var lastLine = ""
    private var lastWrite = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    /// Receives the operation's progress events (from any thread).
    var report: @Sendable (RepackOperation.Progress) -> Void {
        { [self] event in
            guard enabled else { return }
            switch event {
            case .enumerating(let count): show("Enumerating objects", "\(count)")
            case .compressing(let done, let total): show("Compressing objects", Self.percent(done, total))
            case .writing(let done, let total): show("Writing objects", Self.percent(done, total))
            }
        }
    }

    /// Ends the last line with ", done.".
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if !title.isEmpty { FileHandle.standardError.write(Data("\r\(lastLine), done.\n".utf8)) }
        title = ""
    }

    private static func percent(_ done: Int, _ total: Int) -> String {
        let value = total == 0 ? 100 : done * 100 / total
        let padded = String(repeating: " ", count: max(0, 3 - String(value).count)) + String(value)
        return "\(padded)% (\(done)/\(total))"
    }

    private func show(_ newTitle: String, _ value: String) {
        lock.lock()
        defer { lock.unlock() }
        if newTitle != title && !title.isEmpty {
            FileHandle.standardError.write(Data("\r\(lastLine), done.\n".utf8))
        }
        let changedTitle = newTitle != title
        title = newTitle
        lastLine = "\(newTitle): \(value)"
        // At most ten rewrites a second; the final value is printed by `finish` or the next title.
        let now = Date()
        guard changedTitle || now.timeIntervalSince(lastWrite) >= 0.1 else { return }
        lastWrite = now
        FileHandle.standardError.write(Data("\r\(lastLine)".utf8))
    }
}
