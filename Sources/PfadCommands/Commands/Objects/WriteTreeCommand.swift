import ArgumentParser
import PfadRepository

/// `pfad write-tree`: write the index as tree objects and print the root id.
struct WriteTreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-tree",
        abstract: "Create tree objects from the index and print the root tree's id.")

    func run() throws {
        let repository = try CommandContext.repository()
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        for entry in index.entries where entry.stage == 0 && entry.mode != 0o160000 {
            guard repository.objects.contains(entry.id) else {
                throw FatalError("invalid object \(entry.id.hex) for '\(String(decoding: entry.path, as: UTF8.self))'")
            }
        }
        Output.standard.line(try TreeBuilder(repository).writeTree(from: index.entries).hex)
    }
}
