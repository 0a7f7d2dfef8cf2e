import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadTransport

/// `pfad remote [-v]`, `remote add <name> <url>`, `remote remove <name>`,
/// `remote get-url <name>`, `remote set-url <name> <url>`
/// (`Documentation/git-remote.txt`).
struct RemoteCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote", abstract: "Manage the set of tracked repositories.",
        usage: """
            pfad remote [-v | --verbose]
            pfad remote add <name> <url>
            pfad remote remove <name>
            pfad remote get-url <name>
            pfad remote set-url <name> <newurl>
            """)

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Show URLs.")
    var verbose = false
    @Argument(help: "The subcommand and its arguments.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        guard let action = arguments.first else { return list(repository, io) }
        let rest = Array(arguments.dropFirst())
        switch action {
        case "add":
            guard rest.count == 2 else { throw UsageError("usage: pfad remote add <name> <url>") }
            try add(repository, name: rest[0], url: rest[1], io: io)
        case "remove", "rm":
            guard rest.count == 1 else { throw UsageError("usage: pfad remote remove <name>") }
            try remove(repository, name: rest[0], io: io)
        case "get-url":
            guard rest.count == 1 else { throw UsageError("usage: pfad remote get-url <name>") }
            guard let remote = try Remote.named(rest[0], in: repository.settings), let url = remote.urls.first else {
                throw FatalError("No such remote '\(rest[0])'")
            }
            io.out.line(url)
        case "set-url":
            guard rest.count == 2 else { throw UsageError("usage: pfad remote set-url <name> <newurl>") }
            guard try Remote.named(rest[0], in: repository.settings) != nil else { throw FatalError("No such remote '\(rest[0])'") }
            var config = repository.config
            try config.set("remote.\(rest[0]).url", rest[1])
            try ConfigFile.save(config, to: repository.gitDirectory + "/config")
        default:
            throw UsageError("unknown subcommand: `\(action)'")
        }
    }

    private func list(_ repository: Repository, _ io: CommandIO) {
        for name in Remote.names(in: repository.settings) {
            guard verbose else {
                io.out.line(name)
                continue
            }
            guard let remote = try? Remote.named(name, in: repository.settings) else { continue }
            let fetchURL = remote.urls.first ?? ""
            io.out.line("\(name)\t\(fetchURL) (fetch)")
            for url in remote.pushURLs.isEmpty ? remote.urls : remote.pushURLs {
                io.out.line("\(name)\t\(url) (push)")
            }
        }
    }

    private func add(_ repository: Repository, name: String, url: String, io: CommandIO) throws {
        guard RefName.isValid(Array("refs/remotes/\(name)/x".utf8)), !name.isEmpty else {
            throw FatalError("'\(name)' is not a valid remote name")
        }
        if try Remote.named(name, in: repository.settings) != nil {
            io.error("remote \(name) already exists.")
            throw CommandExit(3)
        }
        var config = repository.config
        try config.set("remote.\(name).url", url)
        try config.add("remote.\(name).fetch", Remote.defaultFetchRefspec(for: name).description)
        try ConfigFile.save(config, to: repository.gitDirectory + "/config")
    }

    private func remove(_ repository: Repository, name: String, io: CommandIO) throws {
        guard let remote = try Remote.named(name, in: repository.settings) else {
            io.error("No such remote: '\(name)'")
            throw CommandExit(2)
        }
        var config = repository.config
        config.removeSection("remote", subsection: name)
        try Upstream.forgetAll(trackingRemote: name, in: &config)
        try ConfigFile.save(config, to: repository.gitDirectory + "/config")
        // Tracking refs the remote's fetch refspecs write, and its HEAD
        // symref: one transaction, as git's `delete_refs`.
        var transaction = repository.refs.transaction()
        let head = Array("refs/remotes/\(name)/HEAD".utf8)
        var headDeleted = false
        for (ref, id) in try repository.refs.all() {
            guard remote.fetchRefspecs.contains(where: { !$0.negative && $0.mapToSource(ref) != nil }) else { continue }
            transaction.delete(ref, expected: .value(id))
            if ref == head { headDeleted = true }
        }
        if !headDeleted, try repository.refs.read(head) != nil { transaction.delete(head, expected: .any) }
        try transaction.commit()
    }
}
