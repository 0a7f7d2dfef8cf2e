import ArgumentParser

/// Help for commands that parse their own arguments (captured for
/// passthrough, so ArgumentParser does not see `-h`/`--help`).
enum HelpRequest {
    /// Whether `arguments` ask for help before any `--`.
    static func isRequested(in arguments: [String]) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "-h" || argument == "--help" { return true }
        }
        return false
    }

    /// Prints `command`'s help to standard output when requested; returns
    /// whether it did.
    static func handle(_ arguments: [String], for command: ParsableCommand.Type) -> Bool {
        guard isRequested(in: arguments) else { return false }
        Output.standard.line(Pfad.helpMessage(for: command))
        return true
    }
}
