import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// What `fetch`, `pull` and `clone` share: connecting, running a
/// `FetchOperation` and printing git's summary on standard error.
enum FetchRunner {
    /// Progress is shown when standard error is a terminal, as in git.
    static var showsProgress: Bool { isatty(2) != 0 }

    /// How the CLI runs a local remote's service: the given (or
    /// configured) shell command, else pfad's own subcommand in a child
    /// process, as git runs `git-upload-pack`.
    static func program(_ command: String?, service: GitService) -> ServiceProgram {
        if let command { return .shell(command) }
        return .executable([selfExecutable(), service.subcommand])
    }

    /// The running pfad executable.
    static func selfExecutable() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first ?? "pfad"
    }

    /// Runs `operation` over a new session with `target`, prints the
    /// summary (unless `quiet`) and returns the result.
    static func run(_ operation: FetchOperation, target: RemoteTarget, program: String?, quiet: Bool, verbose: Bool = false,
                    forceProgress: Bool = false, printSummary: Bool = true, io: CommandIO) throws -> FetchOperation.Result {
        let repository = operation.repository
        let service = Self.program(program ?? target.configuredProgram(for: .uploadPack, settings: repository.settings), service: .uploadPack)
        let result = try withProgress(showing: !quiet && (forceProgress || showsProgress)) { remote, receiving in
            try repository.fetch(from: target, options: operation.options, program: service,
                                 progress: TransferProgress(remote: remote, receiving: receiving))
        }
        if printSummary && !quiet { print(result, repository: repository, url: target.url, verbose: verbose, io: io) }
        return result
    }

    /// Runs `body` with the two progress sinks of a transfer — the
    /// remote's side-band lines (`remote: …`) and the local "Receiving
    /// objects" meter — and ends both lines afterwards, also on failure.
    static func withProgress<T>(
        showing: Bool, _ body: (_ remote: @escaping ([UInt8]) -> Void, _ receiving: @escaping ReceiveProgress) throws -> T
    ) throws -> T {
        let printer = RemoteProgressPrinter(enabled: showing)
        let meter = ProgressMeter(enabled: showing)
        defer {
            meter.finish()
            printer.finish()
        }
        return try body(printer.take, meter.receiving)
    }

    /// Prints `From <url>` and one line per shown update, as git does.
    static func print(_ result: FetchOperation.Result, repository: Repository, url: String, verbose: Bool, io: CommandIO) {
        let shown = result.updates.filter { verbose || $0.kind != .upToDate }
        guard !shown.isEmpty else { return }
        let width = max(10, shown.map { $0.kind == .pruned ? 6 : RefDisplay.short($0.remoteName).count }.max() ?? 0)
        var text = "From \(FetchHeadEntry.displayURL(url))\n"
        for update in shown {
            text += update.summaryLine(width: width) { (try? repository.abbreviate($0)) ?? String($0.hex.prefix(7)) } + "\n"
        }
        io.err.write(text)
    }

    /// The reflog action git uses: the command and its arguments as typed.
    static func reflogAction(command: String) -> String {
        let arguments = CommandLine.arguments
        guard let index = arguments.firstIndex(of: command) else { return command }
        return arguments[index...].joined(separator: " ")
    }

    /// Fails with a git-like message for errors from the transport layers.
    static func fatal(_ error: Error) -> Error {
        if let error = error as? TransportError { return FatalError(error.description) }
        if let error = error as? RemoteError { return FatalError(error.description) }
        return error
    }
}
