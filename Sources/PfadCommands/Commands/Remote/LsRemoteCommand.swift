import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// `pfad ls-remote [--heads] [--tags] [--symref] [<repository>]`: lists the
/// refs of a remote repository (`Documentation/git-ls-remote.txt`).
struct LsRemoteCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls-remote", abstract: "List references in a remote repository.",
        usage: "pfad ls-remote [--heads] [--tags] [--symref] [--upload-pack=<exec>] [<repository>]")

    @Flag(name: [.customShort("h"), .customLong("heads")], help: "Only branches.")
    var heads = false
    @Flag(name: [.customShort("t"), .customLong("tags")], help: "Only tags.")
    var tags = false
    @Flag(name: .customLong("symref"), help: "Show what symbolic refs point at.")
    var symref = false
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Do not print the remote URL.")
    var quiet = false
    @Option(name: .customLong("upload-pack"), help: "Program to run on the remote side.")
    var uploadPack: String?
    @Argument(help: "Remote name or URL.")
    var repositoryName: String?

    func run(_ io: CommandIO) throws {
        let repository = try? CommandContext.repository(io)
        let settings = try repository?.settings ?? ConfigStack.load(gitDirectory: nil)
        let name = repositoryName ?? repository.flatMap { RemoteTarget.upstreamRemote($0) } ?? "origin"
        if repositoryName == nil, (try Remote.named(name, in: settings)) == nil {
            throw FatalError("No remote configured to list refs from.")
        }
        let target = try RemoteTarget.resolve(name, settings: settings)
        if repositoryName == nil && !quiet {
            io.err.write("From \(RemoteLocation.anonymized(target.url))\n")
        }
        var prefixes: [String] = []
        if heads { prefixes.append("refs/heads/") }
        if tags { prefixes.append("refs/tags/") }
        do {
            let program = FetchRunner.program(uploadPack ?? target.configuredProgram(for: .uploadPack, settings: settings), service: .uploadPack)
            let refs = try target.listRefs(prefixes: prefixes, settings: settings, program: program)
            for ref in refs {
                guard prefixes.isEmpty || prefixes.contains(where: { ref.name.starts(with: Array($0.utf8)) }) else { continue }
                if symref, let target = ref.symrefTarget {
                    io.out.write(Array("ref: ".utf8) + target + [0x09] + ref.name + [0x0A])
                }
                guard let id = ref.id else { continue }
                io.out.write(Array(id.hex.utf8) + [0x09] + ref.name + [0x0A])
                if let peeled = ref.peeled {
                    io.out.write(Array(peeled.hex.utf8) + [0x09] + ref.name + Array("^{}\n".utf8))
                }
            }
        } catch {
            throw FetchRunner.fatal(error)
        }
    }
}
