import PfadObjects

/// Everything that can go wrong above the store: discovery, revisions, paths,
/// porcelain operations. Descriptions are one line, worded like git's.
public enum RepositoryError: Error, CustomStringConvertible, Equatable {
    /// No `.git` was found from `start` up to the root.
    case notARepository
    /// A path named as a repository (a remote, a served folder) that is none.
    case notARepositoryAt(String)
    /// The repository needs a work tree for this operation.
    case bareRepository(operation: String)
    /// `extensions.objectFormat` or `repositoryformatversion` we do not know.
    case unsupportedFormat(String)
    /// A revision that names nothing.
    case unknownRevision(String)
    /// A revision that names more than one object.
    case ambiguousRevision(String)
    /// An object of the wrong type where a specific one was needed.
    case wrongObjectType(id: ObjectID, expected: ObjectType, actual: ObjectType)
    /// An object the database should hold but does not.
    case missingObject(ObjectID)
    /// A path outside the work tree.
    case outsideRepository(path: String, workTree: String)
    /// A pathspec that matched no file.
    case pathspecDidNotMatch(String)
    /// `commit` with nothing to commit.
    case nothingToCommit
    /// Author or committer identity is missing.
    case missingIdentity(String)
    /// A date that could not be parsed.
    case invalidDate(String)
    /// A tree path that checkout refuses to write (`../x`, `.git/…`, a path
    /// through a symbolic link); `reason` says which rule.
    case unsafePath(path: String, reason: String)
    /// Checkout would lose local changes or untracked files.
    case checkoutConflicts(CheckoutConflicts)
    /// Anything else, already worded.
    case other(String)

    public var description: String {
        switch self {
        case .notARepository:
            return "not a git repository (or any of the parent directories): .git"
        case .notARepositoryAt(let path):
            return "'\(path)' does not appear to be a git repository"
        case .bareRepository(let op):
            return "this operation must be run in a work tree (\(op))"
        case .unsupportedFormat(let what):
            return "unsupported repository format: \(what)"
        case .unknownRevision(let rev):
            return "ambiguous argument '\(rev)': unknown revision or path not in the working tree."
        case .ambiguousRevision(let rev):
            return "ambiguous argument '\(rev)': more than one object matches"
        case .wrongObjectType(let id, let expected, let actual):
            return "object \(id.hex) is a \(actual.rawValue), not a \(expected.rawValue)"
        case .missingObject(let id):
            return "object \(id.hex) is missing"
        case .outsideRepository(let path, let workTree):
            return "\(path): '\(path)' is outside repository at '\(workTree)'"
        case .pathspecDidNotMatch(let spec):
            return "pathspec '\(spec)' did not match any files"
        case .nothingToCommit:
            return "nothing to commit"
        case .missingIdentity(let who):
            return "unable to auto-detect \(who) identity; set user.name and user.email"
        case .invalidDate(let date):
            return "invalid date format: \(date)"
        case .unsafePath(let path, let reason):
            return "invalid path '\(path)' (\(reason))"
        case .checkoutConflicts(let conflicts):
            return conflicts.description
        case .other(let message):
            return message
        }
    }
}
