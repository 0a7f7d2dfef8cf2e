import Foundation

extension Repository {
    /// git's rule for an argument that may be a revision or a path (`log
    /// x`, `diff x`, `reset x`): a revision if it resolves, else a path if
    /// a file or folder of that name exists in the work tree (relative to
    /// the current folder; absolute paths as they are), else an error. This
    /// is the path half: whether `argument` exists in the work tree. Always
    /// false in a bare repository. One `stat`.
    public func isWorkTreePath(_ argument: String) -> Bool {
        guard let workTree else { return false }
        let path = argument.hasPrefix("/") ? argument : workTree + "/" + String(decoding: prefix, as: UTF8.self) + argument
        return FileManager.default.fileExists(atPath: path)
    }

    /// The error for an argument that is neither a revision nor a path:
    /// git's "ambiguous argument 'x': unknown revision or path not in the
    /// working tree."
    public static func neitherRevisionNorPath(_ argument: String) -> RepositoryError {
        .unknownRevision(argument)
    }
}
