import ArgumentParser
import PfadDiff

/// `pfad diff`: shows changes between files. For now only the
/// `--no-index A B` mode (two files or two folders outside a repository);
/// revision, index and work-tree modes come with the history issue and plug
/// in beside `DiffNoIndex`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show changes between files (pfad diff --no-index A B).",
        discussion: """
            Options: -U<n>, --minimal, --patience, --histogram, --diff-algorithm=<name>, \
            --stat, --numstat, --name-only, --name-status, --word-diff[=plain|porcelain], \
            --word-diff-regex=<regex>, --quiet. Exits 1 when the inputs differ, 0 when not.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and the two paths.")
    var arguments: [String] = []

    func run() throws {
        let options = try DiffOptions.parse(arguments)
        guard options.noIndex else {
            throw FatalError("diff between revisions is not supported yet; use --no-index")
        }
        guard options.paths.count == 2 else {
            throw UsageError("usage: pfad diff --no-index [<options>] <path> <path>")
        }
        let patches: [FilePatch]
        do {
            let (old, new) = options.reverse ? (options.paths[1], options.paths[0]) : (options.paths[0], options.paths[1])
            patches = try DiffNoIndex.collect(old: old, new: new, options: options)
        } catch let missing as DiffNoIndex.MissingPath {
            Diagnostics.error("Could not access '\(missing.path)'")
            throw CommandExit(1)
        }
        let changed = patches.filter(\.hasChanges)
        if !options.quiet {
            Output.standard.write(try DiffPrinter.render(changed, options: options))
        }
        if !changed.isEmpty { throw CommandExit(1) }
    }
}
