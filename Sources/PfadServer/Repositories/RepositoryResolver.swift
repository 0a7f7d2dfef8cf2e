import Foundation
import PfadRepository

/// Finds the repositories under the served root: `NAME` may be a bare
/// repository (`katalog.git`), a directory with a `.git` inside, or a bare
/// `NAME.git` when the URL leaves the suffix out. Paths that leave the root
/// (through symbolic links) are refused.
public struct RepositoryResolver: Sendable {
    /// The served root, with symbolic links resolved.
    public let root: String

    /// Serves the repositories under `root`.
    /// - Throws: `ServerError.invalidRoot` if it is not a directory.
    public init(root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              let real = Self.realPath(root) else {
            throw ServerError.invalidRoot(root)
        }
        self.root = real
    }

    /// The git directory and work tree of the repository `name` (a
    /// validated `GitRoute.repository`). Touches the file system (a few
    /// `stat`s and one `realpath`).
    /// - Throws: `ServerError.repositoryNotFound` if there is none,
    ///   `.invalidRepositoryName` if it lies outside the root.
    public func locate(_ name: String) throws -> (gitDirectory: String, workTree: String?) {
        let base = root + "/" + name
        let candidates: [(String, String?)] = [(base, nil), (base + "/.git", base), (base + ".git", nil)]
        for (gitDirectory, workTree) in candidates where Repository.isGitDirectory(gitDirectory) {
            guard let real = Self.realPath(gitDirectory), real == root || real.hasPrefix(root + "/") else {
                throw ServerError.invalidRepositoryName(name)
            }
            return (real, workTree.flatMap(Self.realPath))
        }
        throw ServerError.repositoryNotFound(name: name)
    }

    /// Opens the repository `name`.
    /// - Throws: as `locate`, and `RepositoryError` if it cannot be opened.
    public func open(_ name: String) throws -> Repository {
        let (gitDirectory, workTree) = try locate(name)
        return try Repository(gitDirectory: gitDirectory, workTree: workTree)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
