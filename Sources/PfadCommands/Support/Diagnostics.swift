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

/// Turns errors into git-style one-line messages on standard error.
public enum Diagnostics {
    /// Prints `error: MESSAGE` to standard error.
    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Prints a line to standard error as it is.
    public static func raw(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }

    /// Prints `warning: MESSAGE` to standard error.
    public static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// Prints `fatal: MESSAGE` for `error` and exits (129 for usage, else 128).
    public static func fatal(_ error: Error) -> Never {
        let message = String(describing: error)
        let oneLine = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        if error is UsageError {
            FileHandle.standardError.write(Data("error: \(oneLine)\n".utf8))
            exit(129)
        }
        FileHandle.standardError.write(Data("fatal: \(oneLine)\n".utf8))
        if let hint = (error as? StoreError)?.hint {
            FileHandle.standardError.write(Data("hint: \(hint)\n".utf8))
        }
        exit(128)
    }
}
