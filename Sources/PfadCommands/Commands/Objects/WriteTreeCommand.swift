import ArgumentParser
import PfadRepository

/// `pfad write-tree`: write the index as tree objects and print the root id.
struct WriteTreeCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-tree",
        abstract: "Create tree objects from the index and print the root tree's id.")

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        for entry in index.entries where entry.stage == 0 && entry.mode != 0o160000 {
            guard repository.objects.contains(entry.id) else {
                throw FatalError("invalid object \(entry.id.hex) for '\(String(decoding: entry.path, as: UTF8.self))'")
            }
        }
        io.out.line(try TreeBuilder(repository).writeTree(from: index.entries).hex)
    }
}
