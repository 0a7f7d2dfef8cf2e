import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// `pfad clone [--bare] [--no-checkout] [-b <branch>] [-o <name>] <repository> [<directory>]`
/// (`Documentation/git-clone.txt`).
struct CloneCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone", abstract: "Clone a repository into a new directory.",
        usage: "pfad clone [<options>] [--] <repo> [<dir>]")

    @Flag(name: .customLong("bare"), help: "Create a bare repository.")
    var bare = false
    @Flag(name: [.customShort("n"), .customLong("no-checkout")], help: "Do not check out HEAD.")
    var noCheckout = false
    @Option(name: [.customShort("b"), .customLong("branch")], help: "Check out this branch instead of the remote's HEAD.")
    var branch: String?
    @Option(name: [.customShort("o"), .customLong("origin")], help: "Name of the remote (default origin).")
    var origin: String?
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Be quiet.")
    var quiet = false
    @Flag(name: .customLong("progress"), help: "Show progress even when standard error is not a terminal.")
    var progress = false
    @Flag(name: .customLong("no-local"), help: "Always use the transport (pfad never hard-links objects).")
    var noLocal = false
    @Option(name: [.customShort("u"), .customLong("upload-pack")], help: "Program to run on the remote side.")
    var uploadPack: String?
    @Argument(help: "The repository to clone.")
    var source: String
    @Argument(help: "The new directory.")
    var directory: String?

    func run(_ io: CommandIO) throws {
        let clone = try Clone(source: source, directory: directory, bare: bare)
        if !quiet {
            let name = clone.directory
            io.err.write(bare ? "Cloning into bare repository '\(name)'...\n" : "Cloning into '\(name)'...\n")
        }
        let settings = try ConfigStack.load(gitDirectory: nil)
        var options = Clone.Options()
        options.origin = origin
        options.branch = branch
        options.noCheckout = noCheckout
        options.quiet = quiet || !(progress || FetchRunner.showsProgress)
        options.program = FetchRunner.program(uploadPack, service: .uploadPack)
        do {
            let (_, result) = try FetchRunner.withProgress(showing: !options.quiet) { remote, receiving in
                try clone.run(options, settings: settings, progress: TransferProgress(remote: remote, receiving: receiving))
            }
            if result.empty {
                io.warning("You appear to have cloned an empty repository.")
            }
        } catch {
            throw FetchRunner.fatal(error)
        }
    }
}
