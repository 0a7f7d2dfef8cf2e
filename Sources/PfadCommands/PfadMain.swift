import ArgumentParser
import Foundation

/// Entry point of the `pfad` executable: handles git's global options
/// (`-C DIR`), dispatches to a subcommand, and turns every error into a
/// one-line `fatal:`/`error:` message with git's exit codes.
public enum PfadMain {
    /// Runs pfad with the process arguments and exits.
    public static func run() -> Never {
        var args = Array(CommandLine.arguments.dropFirst())
        do {
            args = try GlobalOptions.apply(to: args)
        } catch {
            Diagnostics.fatal(error)
        }
        let code = execute(args, io: CommandIO.process)
        CommandIO.process.flush()
        exit(code)
    }

    /// Runs one command line (after the global options) in this process,
    /// writing to `io`, and returns git's exit code: 0, a `CommandExit`
    /// code, 128 with `fatal:` for errors, 129 for usage errors, or
    /// ArgumentParser's code for its own errors. Commands run in the
    /// current folder of the process.
    public static func execute(_ args: [String], io: CommandIO) -> Int32 {
        if let command = HelpRequest.command(for: args) {
            io.out.line(HelpRequest.text(for: command))
            return 0
        }
        if let fast = FastPath.command(for: args, io: io) {
            return finish(fast, io: io)
        }
        let args = OptionalValues.expand(args)
        if args.isEmpty {
            io.err.line(Pfad.helpMessage())
            return 1
        }
        var command: ParsableCommand
        do {
            command = try Pfad.parseAsRoot(args)
        } catch {
            // Checked only when parsing failed, so a valid command line
            // never builds the list of names.
            let names = commandNames
            if let first = args.first, !first.hasPrefix("-"), first != "help", !names.contains(first) {
                for line in UnknownCommand.message(for: first, commands: names) { io.err.line(line) }
                return 1
            }
            let code = Pfad.exitCode(for: error)
            let message = Pfad.fullMessage(for: error)
            if code == .success {
                io.out.line(message)
                return 0
            }
            io.err.line(message)
            return 129
        }
        return finish({
            if let pfad = command as? PfadCommand {
                try pfad.run(io)
            } else {
                try command.run()
            }
        }, io: io)
    }

    /// The names of every subcommand.
    static var commandNames: [String] {
        Pfad.allSubcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
    }

    /// Runs a parsed command, flushes its output and returns git's code.
    private static func finish(_ body: () throws -> Void, io: CommandIO) -> Int32 {
        defer { io.flush() }
        do {
            try body()
            return 0
        } catch let exit as CommandExit {
            return exit.code
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error as ValidationError {
            return parserFailure(error, io: io)
        } catch let error as CleanExit {
            return parserFailure(error, io: io)
        } catch {
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                // Help requests and parser errors raised while running.
                return parserFailure(error, io: io)
            }
            io.out.flush()
            return Diagnostics.report(error, to: io)
        }
    }

    /// ArgumentParser's message and code for its own errors.
    private static func parserFailure(_ error: Error, io: CommandIO) -> Int32 {
        let code = Pfad.exitCode(for: error)
        let message = Pfad.fullMessage(for: error)
        if code == .success {
            io.out.line(message)
        } else if !message.isEmpty {
            io.err.line(message)
        }
        return code.rawValue
    }
}

/// Hand-parsed plain forms of the hottest commands, run without setting up
/// ArgumentParser (which reflects over every subcommand: about a millisecond
/// per run, a visible share of a 15 ms `status`). Only argument lists whose
/// meaning is certain are taken; anything else (help, unknown or repeated
/// options, pathspecs) returns nil and goes through ArgumentParser, so
/// behaviour, help and error messages stay exactly the same.
enum FastPath {
    /// The command to run for `args` (after `GlobalOptions`, before
    /// `OptionalValues`, whose `-u[<mode>]` rewriting for `status` is done
    /// here the same way), or nil to use ArgumentParser.
    static func command(for args: [String], io: CommandIO) -> (() throws -> Void)? {
        guard args.first == "status" else { return nil }
        var porcelain = false, short = false
        var untracked: String?
        for arg in args.dropFirst() {
            switch arg {
            case "--porcelain" where !porcelain: porcelain = true
            case "-s" where !short, "--short" where !short: short = true
            default:
                guard untracked == nil else { return nil }
                let long = "--untracked-files="
                if arg.hasPrefix(long), arg.utf8.count > long.utf8.count {
                    untracked = String(arg.dropFirst(long.count))
                } else if arg.hasPrefix("-u") {
                    untracked = arg.utf8.count == 2 ? "all" : String(arg.dropFirst(2))
                } else {
                    return nil
                }
            }
        }
        let mode = untracked ?? "normal"
        return { try StatusCommand.execute(porcelain: porcelain, short: short, untrackedFiles: mode, io: io) }
    }
}

/// Options git accepts before the subcommand.
enum GlobalOptions {
    /// Applies leading `-C DIR` options (changing directory like git does)
    /// and `-c NAME=VALUE` options (a config value for this run, above every
    /// file; `-c NAME` alone means true) and returns the remaining arguments.
    static func apply(to args: [String]) throws -> [String] {
        var rest = args[...]
        while let first = rest.first {
            if first == "-c" {
                rest = rest.dropFirst()
                guard let setting = rest.first else { throw UsageError("option '-c' requires a value") }
                rest = rest.dropFirst()
                try addCommandLineConfig(setting)
            } else if first == "-C" {
                rest = rest.dropFirst()
                guard let dir = rest.first else { throw UsageError("option '-C' requires a value") }
                rest = rest.dropFirst()
                if dir.isEmpty { continue }
                guard chdir(dir) == 0 else {
                    throw UsageError("cannot change to '\(dir)': No such file or directory")
                }
            } else if first.hasPrefix("-C"), first.count > 2 {
                let dir = String(first.dropFirst(2))
                rest = rest.dropFirst()
                guard chdir(dir) == 0 else {
                    throw UsageError("cannot change to '\(dir)': No such file or directory")
                }
            } else {
                break
            }
        }
        return Array(rest)
    }

    /// Passes `NAME=VALUE` to this process's config through git's
    /// `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`
    /// variables (after any already set), which `ConfigStack` reads last.
    private static func addCommandLineConfig(_ setting: String) throws {
        let equals = setting.firstIndex(of: "=")
        let key = String(setting[..<(equals ?? setting.endIndex)])
        let value = equals.map { String(setting[setting.index(after: $0)...]) } ?? "true"
        guard key.contains("."), !key.hasPrefix("."), !key.hasSuffix(".") else {
            throw UsageError("key does not contain variable name: \(key)")
        }
        let count = Int(ProcessInfo.processInfo.environment["GIT_CONFIG_COUNT"] ?? "") ?? 0
        setenv("GIT_CONFIG_KEY_\(count)", key, 1)
        setenv("GIT_CONFIG_VALUE_\(count)", value, 1)
        setenv("GIT_CONFIG_COUNT", String(count + 1), 1)
    }
}

/// git options whose value is optional (`--batch[=<format>]`): the bare form
/// is rewritten to `--name=<default>` before parsing, since the argument
/// parser needs every option to take a value or none.
enum OptionalValues {
    /// Subcommand → option → value used when none is given.
    static let defaults: [String: [String: String]] = [
        "cat-file": [
            "--batch": CatFileCommand.defaultBatchFormat,
            "--batch-check": CatFileCommand.defaultBatchFormat,
        ]
    ]

    /// Short options with an attached optional value (`status -uno`):
    /// subcommand → short option → long option it stands for, and the value
    /// of the bare form.
    static let attachedShort: [String: [String: (long: String, bare: String)]] = [
        "status": ["-u": (long: "--untracked-files", bare: "all")]
    ]

    /// Rewrites bare optional-value options of the subcommand in `args[0]`.
    static func expand(_ args: [String]) -> [String] {
        guard let command = args.first, defaults[command] != nil || attachedShort[command] != nil else { return args }
        let table = defaults[command] ?? [:]
        let shorts = attachedShort[command] ?? [:]
        var out = [command]
        var passthrough = false
        for arg in args.dropFirst() {
            if arg == "--" { passthrough = true }
            if !passthrough, let value = table[arg] {
                out.append("\(arg)=\(value)")
            } else if !passthrough, let short = shorts.first(where: { arg.hasPrefix($0.key) }) {
                let value = arg.dropFirst(short.key.count)
                out.append("\(short.value.long)=\(value.isEmpty ? short.value.bare : String(value))")
            } else {
                out.append(arg)
            }
        }
        return out
    }
}
