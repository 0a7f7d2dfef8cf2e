import Foundation
import PfadRepository
import PfadTransport

/// What `pfad upload-pack` and `pfad receive-pack` share: finding the
/// repository they serve and running a `ServiceHandler` over standard input
/// and output in git's three modes.
enum ServiceRunner {
    /// The repository at `path` as git's service programs look for it: a
    /// work tree (`path/.git`, opened with its work tree), a git directory
    /// `path`, or `path.git`; with `strict` only a git directory `path`.
    static func openRepository(_ path: String, strict: Bool = false) throws -> Repository {
        let manager = FileManager.default
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let absolute = trimmed.hasPrefix("/") ? trimmed : manager.currentDirectoryPath + "/" + trimmed
        for candidate in strict ? [absolute] : [absolute, absolute + ".git"] {
            if !strict, manager.fileExists(atPath: candidate + "/.git") { return try Repository.discover(from: candidate) }
            if isGitDirectory(candidate, manager) { return try Repository(gitDirectory: candidate, workTree: nil) }
        }
        throw FatalError("'\(path)' does not appear to be a git repository")
    }

    /// `--advertise-refs`: the advertisement only; `--stateless-rpc`: one
    /// request from standard input; otherwise the whole conversation.
    /// Transport errors become `fatal:` lines (exit 128) as in git.
    static func run(_ handler: some ServiceHandler, advertiseRefs: Bool, stateless: Bool, input: ByteSource) throws {
        let output = FileDescriptorSink(fd: 1)
        do {
            if advertiseRefs {
                try handler.advertise(to: output)
            } else if stateless {
                try handler.respond(to: input, into: output)
            } else {
                try handler.serve(input: input, output: output)
            }
            try output.flush()
        } catch let error as TransportError {
            try? output.flush()
            throw FatalError(error.description)
        }
    }

    private static func isGitDirectory(_ path: String, _ manager: FileManager) -> Bool {
        var objects: ObjCBool = false
        var refs: ObjCBool = false
        return manager.fileExists(atPath: path + "/objects", isDirectory: &objects) && objects.boolValue
            && manager.fileExists(atPath: path + "/refs", isDirectory: &refs) && refs.boolValue
            && manager.fileExists(atPath: path + "/HEAD")
    }
}
