import Foundation
import PfadRepository
import PfadStore
import PfadTransport

/// A remote as named by a user: a configured remote (`origin`) or a URL or
/// path, with what is needed to talk to it.
public struct RemoteTarget: Sendable {
    /// The configured remote, if the name was one.
    public var remote: Remote?
    /// The URL as configured or typed (shown in messages and FETCH_HEAD).
    public var url: String
    /// Where it lives.
    public var location: RemoteLocation

    /// A target for `url` at `location`, not a configured remote.
    public init(remote: Remote? = nil, url: String, location: RemoteLocation) {
        self.remote = remote
        self.url = url
        self.location = location
    }

    /// The remote's name or the URL.
    public var displayName: String { remote?.name ?? url }

    /// `branch.<current>.remote`, or nil: the remote a bare `fetch`, `pull`,
    /// `push` or `ls-remote` talks to before `resolve` falls back further.
    public static func upstreamRemote(_ repository: Repository) -> String? {
        guard let branch = try? HeadInfo.read(repository).branch else { return nil }
        return Upstream.remote(ofBranch: RefDisplay.short(branch), in: repository.settings)
    }

    /// Resolves `name` (nil: `origin`, else the only configured remote; a
    /// caller wanting git's full rule passes `upstreamRemote` first).
    /// - Throws: `RemoteError` for unknown remotes and missing paths.
    public static func resolve(_ name: String?, settings: ConfigStack, push: Bool = false) throws -> RemoteTarget {
        var chosen = name ?? "origin"
        if name == nil, try Remote.named("origin", in: settings) == nil {
            // Like git: without an upstream and without `origin`, a
            // repository with exactly one remote uses that one.
            let names = Remote.names(in: settings)
            if names.count == 1, let only = names.first { chosen = only }
        }
        if let remote = try Remote.named(chosen, in: settings),
            let first = (push && !remote.pushURLs.isEmpty) ? remote.pushURLs.first : remote.urls.first
        {
            return RemoteTarget(remote: remote, url: first, location: try location(first))
        }
        guard let name else { throw push ? RemoteError.noPushDestination : RemoteError.noRemoteSpecified }
        let location = try location(name)
        if case .local(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw RemoteError.notARepository(name)
        }
        return RemoteTarget(remote: nil, url: name, location: location)
    }

    /// `RemoteLocation(text)` with its failure as a `RemoteError`.
    public static func location(_ text: String) throws -> RemoteLocation {
        do {
            return try RemoteLocation(text)
        } catch let error as TransportError {
            throw RemoteError.invalidLocation(error.description)
        }
    }

    /// The program configured for `service` (`remote.<name>.uploadpack`).
    public func configuredProgram(for service: GitService, settings: ConfigStack) -> String? {
        guard let remote else { return nil }
        return settings.get("remote.\(remote.name).\(service == .uploadPack ? "uploadpack" : "receivepack")")
    }
}
