import ArgumentParser

/// The root command: lists every subcommand. Each subcommand lives in its
/// own file under `Commands/`.
struct Pfad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfad",
        abstract: "A versioned repository for written guides, in git's own format.",
        discussion: "Global option: -C DIR runs as if pfad was started in DIR.",
        version: "0.1.0",
        subcommands: Pfad.allSubcommands
    )

    /// `pfad` with no subcommand prints its help.
    func run() throws {
        Output.standard.line(Pfad.helpMessage())
    }

    static var allSubcommands: [ParsableCommand.Type] {
        foundationCommands + diffCommands + packReadCommands + packWriteCommands + logCommands + branchCommands + mergeCommands + blameCommands
            + fetchCommands + pushCommands + serveCommands
    }
}
