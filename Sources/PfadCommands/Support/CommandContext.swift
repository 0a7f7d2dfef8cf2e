import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// What most commands start with: the repository around the current folder.
enum CommandContext {
    /// Discovers the repository from the folder the command runs in.
    static func repository(_ io: CommandIO) throws -> Repository {
        try Repository.discover(from: io.currentDirectory)
    }

    /// `core.quotePath` (default true).
    static func quotePath(_ repository: Repository) -> Bool {
        (try? repository.settings.getBool("core.quotepath")) ?? true
    }

    /// Resolves `spec` or fails with git's "Not a valid object name" message.
    static func object(_ spec: String, in repository: Repository) throws -> ObjectID {
        guard let id = try RevisionParser(repository).resolve(spec) else {
            throw FatalError("Not a valid object name \(spec)")
        }
        return id
    }

    /// Reads a whole file given on the command line (relative to the
    /// folder the command runs in).
    static func readFile(_ path: String, _ io: CommandIO) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: io.absolute(path)) else {
            throw FatalError("could not open '\(path)' for reading: No such file or directory")
        }
        return Array(data)
    }

    /// Reads all of standard input.
    static func readStandardInput() -> [UInt8] {
        Array(FileHandle.standardInput.readDataToEndOfFile())
    }
}
