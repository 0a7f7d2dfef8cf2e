import ArgumentParser
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad update-ref`: move or delete a ref safely, optionally only if it
/// still has an expected value (compare-and-swap).
struct UpdateRefCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-ref",
        abstract: "Set a ref to a new value, optionally only if it still has an expected old value.")

    @Option(name: .customShort("m"), help: "Reason recorded in the reflog.")
    var message: String?

    @Flag(name: .customShort("d"), help: "Delete the ref.")
    var delete = false

    @Flag(name: .customLong("no-deref"), help: "Update a symbolic ref itself instead of what it points to.")
    var noDeref = false

    @Argument(help: "REF NEW [OLD], or with -d: REF [OLD].")
    var arguments: [String] = []

    func validate() throws {
        if delete ? !(1...2).contains(arguments.count) : !(2...3).contains(arguments.count) {
            throw ValidationError(delete ? "usage: pfad update-ref -d <ref> [<old>]" : "usage: pfad update-ref <ref> <new> [<old>]")
        }
    }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let name = arguments[0]
        let refName = Array(name.utf8)
        guard RefName.isValid(refName, allowOneLevel: true) else {
            throw FatalError("update_ref failed for ref '\(name)': refusing to update ref with bad name '\(name)'")
        }
        let oldArgument = delete ? (arguments.count == 2 ? arguments[1] : nil) : (arguments.count == 3 ? arguments[2] : nil)
        let expectation: RefExpectation
        if let oldArgument {
            if oldArgument.isEmpty {
                expectation = .absent
            } else {
                let old = try CommandContext.object(oldArgument, in: repository)
                expectation = old.isNull ? .absent : .value(old)
            }
        } else {
            expectation = .any
        }
        // A symbolic ref (HEAD → refs/heads/main) is followed unless --no-deref.
        var transaction = repository.refs.transaction()
        if delete {
            transaction.delete(refName, expected: expectation, followingSymbolicRefs: !noDeref)
        } else {
            let new = try CommandContext.object(arguments[1], in: repository)
            let committer = try Identity.signature(for: .committer, settings: repository.settings)
            let entry = ReflogEntry(
                old: repository.algorithm.nullID, new: new, committer: committer.serialized(),
                message: Array((message ?? "").utf8))
            transaction.update(refName, to: new, expected: expectation, reflog: entry, followingSymbolicRefs: !noDeref)
        }
        do {
            try transaction.commit()
        } catch let error as StoreError {
            // git's two forms: `error: …` (exit 1) for -d, `fatal: update_ref failed …` otherwise.
            if delete {
                io.error(error.description)
                throw CommandExit(1)
            }
            throw FatalError("update_ref failed for ref '\(name)': \(error.description)")
        }
    }
}
