import ArgumentParser
import PfadDiff
import PfadStore

/// `pfad diff`: shows changes between the work tree, the index and
/// revisions (`DiffInRepository`), or between two files or folders
/// (`--no-index A B`, `DiffNoIndex`). Both print through `DiffPrinter`.
struct DiffCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show changes between the work tree, the index and commits, or two files (--no-index).",
        discussion: """
            Options: -U<n>, --minimal, --patience, --histogram, --diff-algorithm=<name>, \
            --[no-]indent-heuristic (default from diff.indentHeuristic, on), \
            --stat, --numstat, --name-only, --name-status, --word-diff[=plain|porcelain], \
            --word-diff-regex=<regex>, --quiet, --exit-code, --cached, -M<n>, --no-renames, [<rev> [<rev>]] [-- <path>...]. With --no-index, --quiet or --exit-code: exits 1 when the inputs differ, 0 when not.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and the two paths.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        var options = try DiffOptions.parse(arguments)
        let repository = try? CommandContext.repository(io)
        options.applyConfiguration(repository?.settings ?? (try? ConfigStack.load(gitDirectory: nil)))
        // Outside a repository two paths mean --no-index, as in git.
        if !options.noIndex, options.paths.count == 2, repository == nil {
            options.noIndex = true
        }
        guard options.noIndex else {
            let differs = try DiffInRepository.run(options, io)
            if differs && (options.exitCode || options.quiet) { throw CommandExit(1) }
            return
        }
        guard options.paths.count == 2 else {
            throw UsageError("usage: pfad diff --no-index [<options>] <path> <path>")
        }
        let patches: [FilePatch]
        do {
            let (old, new) = options.reverse ? (options.paths[1], options.paths[0]) : (options.paths[0], options.paths[1])
            patches = try DiffNoIndex.collect(old: old, new: new, options: options)
        } catch let missing as DiffNoIndex.MissingPath {
            io.error("Could not access '\(missing.path)'")
            throw CommandExit(1)
        }
        let differing = patches.filter(\.differs)
        if !options.quiet {
            io.out.write(try DiffPrinter.render(differing, options: options))
        }
        if differing.contains(where: \.hasChanges) { throw CommandExit(1) }
    }
}
