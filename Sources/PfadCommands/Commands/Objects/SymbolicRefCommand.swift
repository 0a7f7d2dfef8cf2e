import ArgumentParser
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad symbolic-ref`: read, set or delete a symbolic ref such as HEAD.
struct SymbolicRefCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbolic-ref",
        abstract: "Read, change or delete a symbolic ref (HEAD → refs/heads/main).")

    @Flag(name: .shortAndLong, help: "Do not complain when the ref is not symbolic; just exit 1.")
    var quiet = false

    @Flag(help: "Print the short name (main instead of refs/heads/main).")
    var short = false

    @Flag(name: .shortAndLong, help: "Delete the symbolic ref.")
    var delete = false

    @Option(name: .customShort("m"), help: "Reason recorded in the reflog.")
    var message: String?

    @Argument(help: "NAME [REF]")
    var arguments: [String]

    func validate() throws {
        if !(1...2).contains(arguments.count) { throw ValidationError("usage: pfad symbolic-ref [-q] [--short] <name> [<ref>]") }
    }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let name = Array(arguments[0].utf8)
        if delete {
            guard case .symbolic? = try repository.refs.read(name) else {
                if quiet { throw CommandExit(1) }
                throw FatalError("Cannot delete \(arguments[0]), not a symbolic ref")
            }
            try repository.refs.delete(name, expected: .any)
            return
        }
        if arguments.count == 2 {
            let target = Array(arguments[1].utf8)
            guard target.starts(with: Array("refs/".utf8)), RefName.isValid(target) else {
                throw FatalError("Refusing to point \(arguments[0]) outside of refs/")
            }
            try repository.refs.setSymbolic(name, target: target, reflog: nil)
            return
        }
        guard case .symbolic(let target)? = try repository.refs.read(name) else {
            if quiet { throw CommandExit(1) }
            throw FatalError("ref \(arguments[0]) is not a symbolic ref")
        }
        if short {
            io.out.write(RefNames.shorten(target))
        } else {
            io.out.write(target)
        }
        io.out.write([0x0A])
    }
}

/// Short forms of ref names, as git prints them.
enum RefNames {
    /// `refs/heads/x` → `x`, `refs/tags/x` → `x`, `refs/remotes/x` → `x`, `refs/x` → `x`.
    static func shorten(_ name: [UInt8]) -> [UInt8] {
        for prefix in ["refs/heads/", "refs/tags/", "refs/remotes/", "refs/"] {
            let p = Array(prefix.utf8)
            if name.starts(with: p), name.count > p.count { return Array(name.dropFirst(p.count)) }
        }
        return name
    }
}
