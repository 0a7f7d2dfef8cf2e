import Foundation
import PfadObjects
import PfadStore

/// An opened repository: where it lives, its hash function, its object
/// database, its refs and its configuration.
///
/// A value; cheap to copy. Opening reads only `config`.
public struct Repository: Sendable {
    /// The git directory (`.git`, or the repository itself when bare), absolute.
    public let gitDirectory: String
    /// The work tree root, absolute; nil for a bare repository.
    public let workTree: String?
    /// Where the command was started, relative to the work tree, as
    /// '/'-terminated bytes ("" at the top or in a bare repository).
    public let prefix: [UInt8]
    /// The object-id hash function (`extensions.objectFormat`).
    public let algorithm: HashAlgorithm
    /// The object database: packs first, then loose objects (`objects.loose`
    /// is where new objects are written).
    public let objects: ObjectStore
    /// The refs.
    public let refs: RefStore
    /// The repository's own configuration file.
    public let config: Config
    /// Global and repository configuration, layered (repository wins).
    public let settings: ConfigStack
    /// How merges, cherry-picks and reverts merge a file both sides
    /// changed; the line merge unless the caller installs another.
    public var contentMerger: ContentMerger = .text

    /// Opens the repository whose git directory is `gitDirectory`.
    /// - Throws: `RepositoryError.unsupportedFormat` for formats pfad does not read.
    public init(gitDirectory: String, workTree: String?, prefix: [UInt8] = []) throws {
        self.gitDirectory = gitDirectory
        self.workTree = workTree
        self.prefix = prefix
        let settings = try ConfigStack.load(gitDirectory: gitDirectory)
        let config = try settings.layers.last(where: { $0.origin == gitDirectory + "/config" })
            ?? ConfigFile.load(path: gitDirectory + "/config")
        self.config = config
        let version = try config.getInt("core.repositoryformatversion") ?? 0
        guard version == 0 || version == 1 else {
            throw RepositoryError.unsupportedFormat("core.repositoryformatversion = \(version)")
        }
        var algorithm = HashAlgorithm.sha1
        if version == 1, let format = config.get("extensions.objectformat") {
            guard let a = HashAlgorithm(rawValue: format.lowercased()) else {
                throw RepositoryError.unsupportedFormat("extensions.objectformat = \(format)")
            }
            algorithm = a
        }
        self.algorithm = algorithm
        self.objects = ObjectStore(objectsDirectory: gitDirectory + "/objects", algorithm: algorithm)
        self.refs = RefStore(gitDirectory: gitDirectory, algorithm: algorithm)
        self.settings = settings
    }

    /// True when the repository has no work tree.
    public var isBare: Bool { workTree == nil }

    /// The work tree, or an error naming `operation` when bare.
    public func requireWorkTree(_ operation: String) throws -> String {
        guard let workTree else { throw RepositoryError.bareRepository(operation: operation) }
        return workTree
    }

    /// Path of the index file (`$GIT_INDEX_FILE` or `.git/index`).
    public var indexPath: String {
        if let env = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"], !env.isEmpty {
            return env.hasPrefix("/") ? env : FileManager.default.currentDirectoryPath + "/" + env
        }
        return gitDirectory + "/index"
    }
}
