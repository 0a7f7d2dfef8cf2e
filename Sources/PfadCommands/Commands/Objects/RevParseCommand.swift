import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad rev-parse`: turn revision names into object ids, and answer
/// questions about the repository's location.
///
/// Like git, options act in order: `--short` shortens the revisions after it.
struct RevParseCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "rev-parse",
        abstract: "Resolve revisions (HEAD, branches, tags, hex, REV~N, REV^N, REV^{type}, REV:path) to object ids.",
        discussion: """
            Options (they apply to the revisions that follow them):
              --verify               exactly one argument, which must name an object
              -q, --quiet            with --verify: no message, only the exit status
              --short[=N]            abbreviate ids (to at least N digits, unique)
              --abbrev-ref           print the short ref name a revision resolves through
              --symbolic-full-name   print the full ref name a revision resolves through
              --git-dir, --show-toplevel, --show-prefix, --is-inside-work-tree,
              --is-bare-repository   print facts about the repository
            """)

    @Argument(parsing: .allUnrecognized, help: "Options and revisions, in order.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let parser = RevisionParser(repository)
        var verify = false, quiet = false, abbrevRef = false, fullName = false
        var short: Int?
        // (revision, short length, abbrev-ref, full name, seen in verify mode)
        var revisions: [(String, Int?, Bool, Bool, Bool)] = []
        for arg in arguments {
            switch arg {
            case "--verify": verify = true
            case "-q", "--quiet": quiet = true
            case "--short":
                short = 0
                verify = true  // git: "--short: same as --verify but shortens"
            case "--abbrev-ref": abbrevRef = true
            case "--symbolic-full-name": fullName = true
            case "--git-dir":
                let cwd = io.currentDirectory
                let atTop = repository.workTree == cwd && repository.gitDirectory == cwd + "/.git"
                io.out.line(atTop ? ".git" : repository.gitDirectory)
            case "--show-toplevel":
                if let workTree = repository.workTree { io.out.line(workTree) }
            case "--show-prefix":
                io.out.write(repository.prefix)
                io.out.write([0x0A])
            case "--is-inside-work-tree": io.out.line(repository.isBare ? "false" : "true")
            case "--is-bare-repository": io.out.line(repository.isBare ? "true" : "false")
            default:
                if arg.hasPrefix("--short=") {
                    guard let n = Int(arg.dropFirst(8)) else { throw UsageError("--short takes a number") }
                    short = n
                    verify = true
                } else if arg.hasPrefix("-") && arg != "-" && !arg.hasPrefix("-@") {
                    throw UsageError("unknown option '\(arg)'")
                } else {
                    revisions.append((arg, short, abbrevRef, fullName, verify))
                }
            }
        }
        // In verify mode exactly one revision may follow the option.
        if verify && revisions.filter(\.4).count != 1 {
            if quiet { throw CommandExit(1) }
            throw FatalError("Needed a single revision")
        }
        for (revision, short, abbrevRef, fullName, verify) in revisions {
            if abbrevRef || fullName {
                let base = String(revision.prefix(while: { $0 != "~" && $0 != "^" && $0 != ":" }))
                guard var name = try parser.expandRefName(base) else {
                    throw Repository.neitherRevisionNorPath(revision)
                }
                if case .symbolic(let target)? = try repository.refs.read(name) { name = target }
                io.out.write(abbrevRef ? RefNames.shorten(name) : name)
                io.out.write([0x0A])
                continue
            }
            guard let id = try parser.resolve(revision) else {
                if verify {
                    if quiet { throw CommandExit(1) }
                    throw FatalError("Needed a single revision")
                }
                throw Repository.neitherRevisionNorPath(revision)
            }
            if let short {
                io.out.line(try repository.abbreviate(id, minimum: short == 0 ? nil : short))
            } else {
                io.out.line(id.hex)
            }
        }
    }
}
