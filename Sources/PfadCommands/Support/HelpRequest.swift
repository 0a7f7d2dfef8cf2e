import ArgumentParser

/// The one rule for help, applied before any command parses its arguments
/// (so commands that take their arguments raw, such as `log` or `config`,
/// answer it too): `pfad <command> --help` anywhere before `--`, or
/// `pfad <command> -h` as the only argument (git's rule: elsewhere `-h` may
/// be an option of the command, as `ls-remote -h` for `--heads`), prints the
/// command's help on standard output and exits 0.
enum HelpRequest {
    /// The subcommand whose help `arguments` (subcommand first) ask for, or nil.
    static func command(for arguments: [String], in commands: [ParsableCommand.Type] = Pfad.allSubcommands)
        -> ParsableCommand.Type?
    {
        guard let name = arguments.first, arguments.count > 1 else { return nil }
        let rest = arguments.dropFirst()
        let asked = (rest.count == 1 && rest.first == "-h") || rest.prefix { $0 != "--" }.contains("--help")
        guard asked else { return nil }
        return commands.first { command in
            let configuration = command.configuration
            let commandName = configuration.commandName ?? String(describing: command).lowercased()
            return commandName == name || configuration.aliases.contains(name)
        }
    }

    /// The help text of `command`, as `pfad help <command>` shows it.
    static func text(for command: ParsableCommand.Type) -> String {
        Pfad.helpMessage(for: command)
    }
}
