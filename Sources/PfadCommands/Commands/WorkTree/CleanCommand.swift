import ArgumentParser
import PfadRepository

/// `pfad clean`: remove untracked files from the work tree
/// (`Documentation/git-clean.txt`).
struct CleanCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove untracked files from the work tree (with -d untracked folders, with -x ignored files too).")

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Only show what would be removed.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Really remove (required unless clean.requireForce is false).")
    var force = false

    @Flag(name: .customShort("d"), help: "Remove untracked folders too.")
    var directories = false

    @Flag(name: .customShort("x"), help: "Remove ignored files too.")
    var ignored = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Argument(help: "Only paths that match these pathspecs.")
    var paths: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let workTree = try repository.requireWorkTree("clean")
        if !dryRun && !force {
            let configured = try repository.settings.getBool("clean.requireforce")
            if configured ?? true {
                let how = configured == nil ? "defaults to" : "set to"
                throw FatalError("clean.requireForce \(how) true and neither -i, -n, nor -f given; refusing to clean")
            }
        }
        var options = CleanOperation.Options()
        options.directories = directories
        options.includeIgnored = ignored
        options.dryRun = dryRun
        // Without pathspecs, git cleans the current folder (and below).
        let specs = paths.isEmpty && !repository.prefix.isEmpty ? ["."] : paths
        if !specs.isEmpty {
            options.pathspec = try Pathspec(arguments: specs, prefix: repository.prefix, workTree: workTree)
        }
        let removed = try CleanOperation(repository).run(options)
        guard !quiet else { return }
        let quotePath = CommandContext.quotePath(repository)
        for removal in removed {
            let shown = PathQuoting.relative(removal.path + (removal.isDirectory ? [0x2F] : []), to: repository.prefix)
            io.out.write(Array((dryRun ? "Would remove " : "Removing ").utf8) + PathQuoting.quote(shown, quotePath: quotePath))
            io.out.write([0x0A])
        }
    }
}
