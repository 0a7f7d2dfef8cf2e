import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad init`: create an empty repository or reinitialise an existing one.
struct InitCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty repository (git's format) or reinitialise an existing one.")

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Create a bare repository (no work tree).")
    var bare = false

    @Option(name: .customLong("object-format"), help: "Hash function for object ids: sha1 or sha256.")
    var objectFormat: String?

    @Option(name: [.customShort("b"), .customLong("initial-branch")], help: "Name of the first branch (default: init.defaultBranch, else main).")
    var initialBranch: String?

    @Argument(help: "Folder to create the repository in (default: the current folder).")
    var directory: String?

    func run(_ io: CommandIO) throws {
        var algorithm = HashAlgorithm.sha1
        if let objectFormat {
            guard let a = HashAlgorithm(rawValue: objectFormat) else {
                throw FatalError("unknown hash algorithm '\(objectFormat)'")
            }
            algorithm = a
        }
        let global = try ConfigStack.load(gitDirectory: nil)
        let branch = initialBranch ?? global.get("init.defaultbranch") ?? "main"
        let (repo, outcome) = try Repository.initialize(
            at: directory.map(io.absolute) ?? io.currentDirectory, bare: bare, algorithm: algorithm, initialBranch: branch)
        if !quiet {
            let verb = outcome == .created ? "Initialized empty" : "Reinitialized existing"
            io.out.line("\(verb) Git repository in \(repo.gitDirectory)/")
        }
    }
}
