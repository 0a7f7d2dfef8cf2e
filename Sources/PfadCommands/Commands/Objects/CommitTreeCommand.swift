import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository

/// `pfad commit-tree`: create a commit object from a tree and parents.
struct CommitTreeCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit-tree",
        abstract: "Create a commit object for a tree; the message comes from -m, -F or standard input.")

    @Option(name: .customShort("p"), help: "A parent commit (repeatable).")
    var parents: [String] = []

    @Option(name: .customShort("m"), help: "A message paragraph (repeatable).")
    var messages: [String] = []

    @Option(name: .customShort("F"), help: "Read the message from a file ('-' for standard input).")
    var messageFiles: [String] = []

    @Argument(help: "The tree (or tree-ish) the commit records.")
    var tree: String

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let treeID = try CommandContext.object(tree, in: repository)
        // git takes the object itself, never peels a commit or tag to its tree.
        guard (try? repository.objectType(treeID)) == .tree else {
            throw FatalError("\(treeID.hex) is not a valid 'tree' object")
        }
        let peeledTree = treeID
        var parentIDs: [ObjectID] = []
        for parent in parents {
            let id = try CommandContext.object(parent, in: repository)
            guard let commit = try repository.peel(id, to: .commit) else {
                throw FatalError("\(parent) is not a valid 'commit' object")
            }
            if !parentIDs.contains(commit) { parentIDs.append(commit) }
        }
        // Like git: paragraphs from -m, each completed with a newline and
        // separated by a blank line; no other clean-up.
        var message: [UInt8] = []
        for m in messages {
            if !message.isEmpty { message.append(0x0A) }
            message += Array(m.utf8)
            if message.last != 0x0A { message.append(0x0A) }
        }
        for file in messageFiles {
            if !message.isEmpty { message.append(0x0A) }
            message += file == "-" ? CommandContext.readStandardInput() : try CommandContext.readFile(file, io)
            if !message.isEmpty, message.last != 0x0A { message.append(0x0A) }
        }
        if messages.isEmpty && messageFiles.isEmpty {
            message = CommandContext.readStandardInput()
        }
        let commit = Commit(
            tree: peeledTree, parents: parentIDs,
            author: try Identity.signature(for: .author, settings: repository.settings),
            committer: try Identity.signature(for: .committer, settings: repository.settings),
            extraHeaders: [], message: message)
        io.out.line(try repository.objects.write(type: .commit, content: commit.serialized()).hex)
    }
}
