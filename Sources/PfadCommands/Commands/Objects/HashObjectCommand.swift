import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad hash-object`: compute (and with -w, store) object ids of files.
struct HashObjectCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-object",
        abstract: "Compute the object id of files or standard input, optionally writing the objects.")

    @Flag(name: .customShort("w"), help: "Write the objects into the object database.")
    var write = false

    @Option(name: .customShort("t"), help: "Object type (default: blob).")
    var type = "blob"

    @Flag(help: "Read the object from standard input.")
    var stdin = false

    @Flag(help: "Allow any content for the given type, without checking its format.")
    var literally = false

    @Argument(help: "Files to hash.")
    var files: [String] = []

    func run(_ io: CommandIO) throws {
        guard let objectType = ObjectType(rawValue: type) else {
            throw FatalError("invalid object type \"\(type)\"")
        }
        // Outside a repository only hashing (sha1) is possible, as in git.
        let repository = try? CommandContext.repository(io)
        if write, repository == nil { throw RepositoryError.notARepository }
        let algorithm = repository?.algorithm ?? .sha1
        var inputs: [[UInt8]] = []
        if stdin { inputs.append(CommandContext.readStandardInput()) }
        for file in files { inputs.append(try CommandContext.readFile(file, io)) }
        for content in inputs {
            if objectType != .blob && !literally {
                do {
                    _ = try GitObject(type: objectType, content: content, algorithm: algorithm)
                } catch {
                    throw FatalError("corrupt \(objectType.rawValue) file")
                }
            }
            let id: ObjectID
            if write, let repository {
                id = try repository.objects.write(type: objectType, content: content)
            } else {
                id = algorithm.objectID(type: objectType, content: content)
            }
            io.out.line(id.hex)
        }
    }
}
