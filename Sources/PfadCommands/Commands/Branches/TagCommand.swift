import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad tag`: create, list and delete tags.
struct TagCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Create (lightweight, or annotated with -a/-m), list (-l) or delete (-d) tags.")

    @Argument(parsing: .captureForPassthrough, help: "NAME [REV] | -a NAME -m MSG [REV] | -l [PATTERN...] | -d NAME...")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments,
            flags: ["-a", "--annotate", "-l", "--list", "-d", "--delete", "-f", "--force"],
            valued: ["-m", "--message", "-F", "--file"])
        let repository = try CommandContext.repository(io)
        let operation = TagOperation(repository)
        let names = args.positionals + (args.afterDashDash ?? [])
        if args.has("-d", "--delete") {
            var failed = false
            for name in names {
                if let id = try operation.delete(name) {
                    io.out.line("Deleted tag '\(name)' (was \(try repository.abbreviate(id)))")
                } else {
                    io.error("tag '\(name)' not found.")
                    failed = true
                }
            }
            if failed { throw CommandExit(1) }
            return
        }
        if names.isEmpty || args.has("-l", "--list") {
            let patterns = names.map { Array($0.utf8) }
            for name in try operation.list() {
                if !patterns.isEmpty, !patterns.contains(where: { WildMatch.match(pattern: $0, text: name) }) { continue }
                io.out.write(name + [0x0A])
            }
            return
        }
        guard names.count <= 2 else { throw FatalError("too many arguments") }
        var message: String?
        if let messages = args.values["-m"].map({ $0 + (args.values["--message"] ?? []) }) ?? args.values["--message"] {
            message = messages.joined(separator: "\n\n")
        }
        if let file = args.value("-F", "--file") {
            let bytes = file == "-" ? CommandContext.readStandardInput() : try CommandContext.readFile(file, io)
            message = String(decoding: bytes, as: UTF8.self)
        }
        if args.has("-a", "--annotate"), message == nil {
            throw FatalError("no tag message given; use -m or -F (pfad does not start an editor)")
        }
        let revision = names.count == 2 ? names[1] : "HEAD"
        guard let target = try? RevisionParser(repository).resolve(revision) else {
            throw FatalError("Failed to resolve '\(revision)' as a valid ref.")
        }
        do {
            try operation.create(names[0], target: target, message: message, force: args.has("-f", "--force"))
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
    }
}
