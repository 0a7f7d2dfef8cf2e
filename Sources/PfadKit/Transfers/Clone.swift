import Foundation
import PfadRepository
import PfadStore
import PfadTransport

/// A clone, checked before it starts: `Clone(source:directory:bare:)`
/// validates the source and the destination (so that a caller can announce
/// "Cloning into …" only for a clone that may start), `run` does the work.
/// On failure, `run` removes what it created, as git does.
public struct Clone: Sendable {
    /// The source as given (path or URL).
    public let source: String
    /// The URL recorded as `remote.<origin>.url`: an absolute path for a
    /// local source, the URL otherwise.
    public let url: String
    /// Where the source lives.
    public let location: RemoteLocation
    /// The folder to create (or fill, if it exists and is empty).
    public let directory: String
    /// Whether the clone is bare.
    public let bare: Bool
    private let existed: Bool

    /// What else to clone how.
    public struct Options: Sendable {
        /// Check out this branch instead of the remote's HEAD (`-b`).
        public var branch: String?
        /// The remote's name (`-o`; default `clone.defaultRemoteName` or `origin`).
        public var origin: String?
        /// Leave the work tree empty (`--no-checkout`).
        public var noCheckout = false
        /// Ask the server for no progress messages.
        public var quiet = true
        /// How a local source's upload-pack runs.
        public var program: ServiceProgram = .inProcess

        /// The defaults of a plain `git clone`.
        public init() {}
    }

    /// Checks a clone of `source` into `directory` (default: the "humanish"
    /// last part of the source, as git derives it).
    /// - Throws: `RemoteError.invalidLocation`, `.sourceMissing` for a local
    ///   path that does not exist, `.destinationExists` for a folder that is
    ///   not empty (or a file).
    public init(source: String, directory: String? = nil, bare: Bool = false) throws {
        let location = try RemoteTarget.location(source)
        var url = source
        if case .local(let path) = location {
            guard FileManager.default.fileExists(atPath: path) else { throw RemoteError.sourceMissing(source) }
            if !source.lowercased().hasPrefix("file://") { url = Self.absolute(path) }
        }
        let name = directory ?? Self.humanish(source, bare: bare)
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory)
        if existed {
            let empty = isDirectory.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: name))?.isEmpty ?? false)
            guard empty else { throw RemoteError.destinationExists(name) }
        }
        self.source = source
        self.url = url
        self.location = location
        self.directory = name
        self.bare = bare
        self.existed = existed
    }

    /// Clones: connects, creates the repository in the object format of
    /// the source, fetches everything, sets up `origin` and checks out.
    /// `settings` are the user's (global) settings, read before a
    /// repository exists. Returns the new repository and what happened.
    /// - Throws: transport, pack, store and checkout errors;
    ///   `RepositoryError.other` for a `branch` the source does not have.
    public func run(_ options: Options = Options(), settings: ConfigStack, progress: TransferProgress = .silent) throws
        -> (repository: Repository, result: CloneOperation.Result)
    {
        let target = RemoteTarget(url: url, location: location)
        var created = false
        do {
            let session = try Repository.fetchSession(target, settings: settings, program: options.program)
            let algorithm = try session.objectFormat()
            let (repository, _) = try Repository.initialize(at: directory, bare: bare, algorithm: algorithm)
            created = true
            var operation = CloneOperation.Options(url: url)
            operation.origin = options.origin ?? settings.get("clone.defaultremotename") ?? "origin"
            operation.branch = options.branch
            operation.noCheckout = options.noCheckout
            operation.quiet = options.quiet
            let result = try CloneOperation(repository, options: operation).run(
                session: session, progress: progress.remote, receiving: progress.receiving)
            try session.finish()
            try session.connection.close()
            // Reopened: the clone wrote config (the remote) after opening.
            return (try Repository(gitDirectory: repository.gitDirectory, workTree: repository.workTree), result)
        } catch {
            removeLeftovers(created: created)
            throw error
        }
    }

    /// Removes what a failed clone made: the new folder, or the contents
    /// of an empty folder that was there before.
    private func removeLeftovers(created: Bool) {
        guard created || !existed else { return }
        let files = FileManager.default
        try? files.removeItem(atPath: existed ? directory + (bare ? "" : "/.git") : directory)
        if existed, let contents = try? files.contentsOfDirectory(atPath: directory) {
            for entry in contents { try? files.removeItem(atPath: directory + "/" + entry) }
        }
    }

    /// The directory git derives from a URL: the last path component
    /// without `/.git`, `.git` and trailing slashes (`.git` added for bare).
    public static func humanish(_ source: String, bare: Bool) -> String {
        var text = Substring(source)
        while text.hasSuffix("/") { text = text.dropLast() }
        if text.hasSuffix("/.git") { text = text.dropLast(5) }
        while text.hasSuffix("/") { text = text.dropLast() }
        if text.hasSuffix(".git") { text = text.dropLast(4) }
        var name = String(text.split(separator: "/").last ?? text)
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        return bare ? name + ".git" : name
    }

    /// `path` made absolute against the current directory, `.`/`..` resolved.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
