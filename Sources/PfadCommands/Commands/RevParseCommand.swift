import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad rev-parse`: turn revision names into object ids, and answer
/// questions about the repository's location.
struct RevParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rev-parse",
        abstract: "Resolve revisions (HEAD, branches, tags, hex, REV~N, REV^N, REV^{type}, REV:path) to object ids.")

    @Flag(help: "Require exactly one argument that names an object.")
    var verify = false

    @Flag(name: .shortAndLong, help: "With --verify: no error message, only the exit status.")
    var quiet = false

    @Option(name: .customLong("short"), help: .hidden)
    var shortLength: Int?

    @Flag(name: .customLong("abbrev-ref"), help: "Print the short ref name a revision resolves through.")
    var abbrevRef = false

    @Flag(name: .customLong("symbolic-full-name"), help: "Print the full ref name a revision resolves through.")
    var symbolicFullName = false

    @Flag(name: .customLong("git-dir"), help: "Print the path of the git directory.")
    var gitDir = false

    @Flag(name: .customLong("show-toplevel"), help: "Print the root of the work tree.")
    var showToplevel = false

    @Flag(name: .customLong("show-prefix"), help: "Print the current folder relative to the root.")
    var showPrefix = false

    @Flag(name: .customLong("is-inside-work-tree"), help: "Print true or false.")
    var insideWorkTree = false

    @Flag(name: .customLong("is-bare-repository"), help: "Print true or false.")
    var bareRepository = false

    @Argument(help: "Revisions to resolve.")
    var revisions: [String] = []

    /// `--short` without a value is rewritten to this length (git's minimum, extended until unique).
    static let defaultShort = "0"

    func run() throws {
        let repository = try CommandContext.repository()
        if gitDir {
            let cwd = FileManager.default.currentDirectoryPath
            let relative = repository.workTree.map { $0 + "/.git" } == repository.gitDirectory && repository.workTree == cwd
            Output.standard.line(relative ? ".git" : repository.gitDirectory)
        }
        if showToplevel, let workTree = repository.workTree { Output.standard.line(workTree) }
        if showPrefix {
            Output.standard.write(repository.prefix)
            Output.standard.write([0x0A])
        }
        if insideWorkTree { Output.standard.line(repository.isBare ? "false" : "true") }
        if bareRepository { Output.standard.line(repository.isBare ? "true" : "false") }

        if verify && revisions.count != 1 {
            if quiet { throw CommandExit(1) }
            throw FatalError("Needed a single revision")
        }
        let parser = RevisionParser(repository)
        for revision in revisions {
            if abbrevRef || symbolicFullName {
                let base = String(revision.prefix(while: { $0 != "~" && $0 != "^" && $0 != ":" }))
                guard var name = try parser.expandRefName(base) else {
                    throw FatalError("ambiguous argument '\(revision)': unknown revision or path not in the working tree.")
                }
                if case .symbolic(let target)? = try repository.refs.read(name) { name = target }
                Output.standard.write(abbrevRef ? RefNames.shorten(name) : name)
                Output.standard.write([0x0A])
                continue
            }
            guard let id = try parser.resolve(revision) else {
                if verify {
                    if quiet { throw CommandExit(1) }
                    throw FatalError("Needed a single revision")
                }
                throw FatalError("ambiguous argument '\(revision)': unknown revision or path not in the working tree.")
            }
            if let shortLength {
                Output.standard.line(try repository.abbreviate(id, minimum: shortLength == 0 ? nil : shortLength))
            } else {
                Output.standard.line(id.hex)
            }
        }
    }
}
