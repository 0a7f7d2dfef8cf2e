/// What can go wrong naming a remote, before any byte is exchanged.
/// Descriptions are one line, worded like git's.
public enum RemoteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A bare `fetch`/`ls-remote` with no configured remote to fall back to.
    case noRemoteSpecified
    /// A bare `push` with no configured remote to fall back to.
    case noPushDestination
    /// A path named as a remote that does not exist.
    case notARepository(String)
    /// `clone` of a local path that does not exist.
    case sourceMissing(String)
    /// `clone` into a path that exists and is not an empty folder.
    case destinationExists(String)
    /// A remote URL pfad cannot use (unknown scheme, malformed).
    case invalidLocation(String)

    public var description: String {
        switch self {
        case .noRemoteSpecified:
            // git's message spans two lines; pfad keeps errors to one.
            return "No remote repository specified: name a remote or a URL to fetch from"
        case .noPushDestination:
            return "No configured push destination: name a remote or a URL (pfad push origin, pfad push URL)"
        case .notARepository(let name):
            return "'\(name)' does not appear to be a git repository"
        case .sourceMissing(let name):
            return "repository '\(name)' does not exist"
        case .destinationExists(let path):
            return "destination path '\(path)' already exists and is not an empty directory."
        case .invalidLocation(let message):
            return message
        }
    }
}
