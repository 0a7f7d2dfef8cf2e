import Foundation
import PfadStore

/// Ends a command with a given exit code after it has printed what it must
/// (as `git diff --exit-code`, `merge-file` or `fsck` do).
public struct CommandExit: Error {
    /// The process exit code.
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
}

/// A usage problem the commands detect themselves (exit 129, as git).
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// A `fatal:` error raised by a command (exit 128, as git).
public struct FatalError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// Ends the process with git's one-line `fatal:` (or usage `error:`)
/// message for an error no command handled; commands write their own
/// `error:`/`warning:` lines to the `CommandIO` they are given.
public enum Diagnostics {
    /// Prints `fatal: MESSAGE` for `error` on the process's standard error
    /// and exits (129 for usage, else 128).
    public static func fatal(_ error: Error) -> Never {
        exit(report(error, to: CommandIO.process))
    }

    /// Writes git's one-line message for `error` to `io.err` — `error:` for
    /// usage errors, else `fatal:` (and a `hint:` line where the store has
    /// one) — and returns the exit code: 129 for usage, else 128.
    public static func report(_ error: Error, to io: CommandIO) -> Int32 {
        let message = String(describing: error)
        let oneLine = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        if error is UsageError {
            io.err.line("error: \(oneLine)")
            return 129
        }
        io.err.line("fatal: \(oneLine)")
        if let hint = (error as? StoreError)?.hint {
            io.err.line("hint: \(hint)")
        }
        return 128
    }
}
