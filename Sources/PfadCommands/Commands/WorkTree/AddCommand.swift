import ArgumentParser
import PfadRepository

/// `pfad add`: stage file contents for the next commit.
struct AddCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Stage new, changed and deleted files for the next commit.")

    @Flag(name: [.customShort("A"), .customLong("all")], help: "Stage every change in the whole work tree.")
    var all = false

    @Flag(name: [.customShort("u"), .customLong("update")], help: "Stage changes to tracked files only.")
    var update = false

    @Flag(name: .shortAndLong, help: "Name each staged path.")
    var verbose = false

    @Argument(help: "Files or folders to stage.")
    var paths: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let workTree = try repository.requireWorkTree("add")
        if paths.isEmpty && !all && !update {
            io.warning("Nothing specified, nothing added.")
            return
        }
        let pathspec = paths.isEmpty ? Pathspec.all : try Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree)
        let result = try AddOperation(repository).run(pathspec, trackedOnly: update)
        if verbose {
            for path in result.added { io.out.line("add '\(String(decoding: path, as: UTF8.self))'") }
            for path in result.removed { io.out.line("remove '\(String(decoding: path, as: UTF8.self))'") }
        }
    }
}
