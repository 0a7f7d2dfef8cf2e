import ArgumentParser
import PfadRepository

/// `pfad rm`: remove files from the index and the work tree.
struct RmCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove files from the index and (without --cached) from the work tree.")

    @Flag(help: "Only remove from the index; keep the files.")
    var cached = false

    @Flag(name: .customShort("r"), help: "Allow removing folders recursively.")
    var recursive = false

    @Flag(name: .shortAndLong, help: "Remove even with local or staged changes.")
    var force = false

    @Flag(name: .shortAndLong, help: "Do not list removed files.")
    var quiet = false

    @Flag(name: .customLong("ignore-unmatch"), help: "Exit 0 even when nothing matched.")
    var ignoreUnmatch = false

    @Argument(help: "Files or folders to remove.")
    var paths: [String]

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let workTree = try repository.requireWorkTree("rm")
        var options = RemoveOperation.Options()
        options.cached = cached
        options.recursive = recursive
        options.force = force
        options.ignoreUnmatch = ignoreUnmatch
        let removed = try RemoveOperation(repository).run(
            Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree), options: options)
        if !quiet {
            for path in removed { io.out.line("rm '\(String(decoding: path, as: UTF8.self))'") }
        }
    }
}
