import ArgumentParser
import Foundation

/// Where a command writes: its standard output (buffered) and standard
/// error (written at once). The process's own for `pfad`, memory for a
/// command run in-process (tests, embedding), so no command writes to a
/// global output.
public final class CommandIO: @unchecked Sendable {
    /// Standard output.
    public let out: Output
    /// Standard error.
    public let err: Output
    /// The folder the command runs in (where it looks for the repository
    /// and what relative file arguments mean); nil: the process's.
    public let directory: String?

    /// An I/O pair of the two outputs, running in `directory`.
    public init(out: Output, err: Output, directory: String? = nil) {
        self.out = out
        self.err = err
        self.directory = directory
    }

    /// The folder the command runs in, absolute.
    public var currentDirectory: String {
        directory ?? FileManager.default.currentDirectoryPath
    }

    /// `path` as given on the command line, made absolute against
    /// `currentDirectory`.
    public func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }

    /// The process's standard output and standard error.
    public static let process = CommandIO(out: Output(fd: 1), err: Output(fd: 2, limit: 1))

    /// Two outputs that keep what is written in memory, for a command run
    /// in `directory`.
    public static func capturing(in directory: String? = nil) -> CommandIO {
        CommandIO(out: Output(), err: Output(), directory: directory)
    }

    /// Writes everything buffered.
    public func flush() {
        out.flush()
        err.flush()
    }
}

/// A pfad subcommand: parsed by ArgumentParser, run with the outputs it is
/// given. `run()` (what ArgumentParser calls) runs it with the process's.
public protocol PfadCommand: ParsableCommand {
    /// Runs the command, writing to `io`.
    func run(_ io: CommandIO) throws
}

extension PfadCommand {
    public func run() throws {
        try run(CommandIO.process)
    }
}

extension CommandIO {
    /// `error: MESSAGE` on standard error.
    public func error(_ message: String) {
        err.line("error: \(message)")
    }

    /// `warning: MESSAGE` on standard error.
    public func warning(_ message: String) {
        err.line("warning: \(message)")
    }

    /// A line on standard error as it is.
    public func raw(_ line: String) {
        err.line(line)
    }
}
