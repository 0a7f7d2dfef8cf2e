import ArgumentParser
import PfadRepository

/// `pfad revert`: record a new commit that undoes an existing one.
struct RevertCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "revert",
        abstract: "Record a new commit that undoes the change of an existing commit.")

    @Flag(name: .customLong("no-edit"), help: "Use the default message (pfad never starts an editor).")
    var noEdit = false

    @Flag(name: .customLong("abort"), help: "Give up the revert in progress.")
    var abort = false

    @Flag(name: .customLong("continue"), help: "Commit the resolved revert in progress.")
    var continueRevert = false

    @Argument(help: "The commit to undo.")
    var revision: String?

    func run(_ io: CommandIO) throws {
        try PickCommandRunner(kind: .revert, abort: abort, continuing: continueRevert, revision: revision).run(io)
    }
}
