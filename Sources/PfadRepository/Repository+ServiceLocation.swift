import Foundation

extension Repository {
    /// Opens the repository at `path` the way git's service programs
    /// (`upload-pack`, `receive-pack`) and local fetches look for it: a work
    /// tree `path` with `path/.git` (opened with its work tree), a git
    /// directory `path`, or a git directory `path.git`. With `strict`, only a
    /// git directory `path` itself counts (`--strict`).
    ///
    /// A relative `path` is taken from the current folder. I/O: a few `stat`
    /// calls, then what opening a repository reads.
    /// - Throws: `RepositoryError.notARepositoryAt(path)` if none is found.
    public static func openForService(at path: String, strict: Bool = false) throws -> Repository {
        let manager = FileManager.default
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let absolute = trimmed.hasPrefix("/") ? trimmed : manager.currentDirectoryPath + "/" + trimmed
        for candidate in strict ? [absolute] : [absolute, absolute + ".git"] {
            if !strict, manager.fileExists(atPath: candidate + "/.git") { return try Repository.discover(from: candidate) }
            if isGitDirectory(candidate) { return try Repository(gitDirectory: candidate, workTree: nil) }
        }
        throw RepositoryError.notARepositoryAt(path)
    }
}
