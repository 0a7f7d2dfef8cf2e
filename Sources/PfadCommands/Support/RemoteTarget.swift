import Foundation
import PfadRepository
import PfadStore
import PfadTransport

/// A remote as named on the command line: a configured remote (`origin`)
/// or a URL/path, with what the commands need to talk to it.
struct RemoteTarget {
    /// The configured remote, if the argument named one.
    var remote: Remote?
    /// The URL as configured or typed (shown in messages and FETCH_HEAD).
    var url: String
    /// Where it lives.
    var location: RemoteLocation

    /// The remote's name or the URL.
    var displayName: String { remote?.name ?? url }

    /// `branch.<current>.remote`, or nil: the remote a bare `fetch`, `pull`,
    /// `push` or `ls-remote` talks to before `resolve` falls back further.
    static func upstreamRemote(_ repository: Repository) -> String? {
        guard let branch = try? HeadInfo.read(repository).branch else { return nil }
        return repository.settings.get("branch.\(RefDisplay.short(branch)).remote")
    }

    /// Resolves `argument` (nil: the current branch's remote, else `origin`,
    /// else the only configured remote).
    /// - Throws: `FatalError` with git's messages for unknown remotes and
    ///   missing repositories.
    static func resolve(_ argument: String?, settings: ConfigStack, push: Bool = false) throws -> RemoteTarget {
        var name = argument ?? "origin"
        if argument == nil, try Remote.named("origin", in: settings) == nil {
            // Like git: without an upstream and without `origin`, a
            // repository with exactly one remote uses that one.
            let names = Remote.names(in: settings)
            if names.count == 1, let only = names.first { name = only }
        }
        if let remote = try Remote.named(name, in: settings), let first = (push && !remote.pushURLs.isEmpty) ? remote.pushURLs.first : remote.urls.first {
            return RemoteTarget(remote: remote, url: first, location: try location(first))
        }
        guard let argument else {
            // git's message spans two lines; pfad keeps errors to one.
            throw FatalError(push
                ? "No configured push destination: name a remote or a URL (pfad push origin, pfad push URL)"
                : "No remote repository specified: name a remote or a URL to fetch from")
        }
        let location = try location(argument)
        if case .local(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw FatalError("'\(argument)' does not appear to be a git repository")
        }
        return RemoteTarget(remote: nil, url: argument, location: location)
    }

    /// `RemoteLocation(text)` with transport errors as fatal messages.
    static func location(_ text: String) throws -> RemoteLocation {
        do {
            return try RemoteLocation(text)
        } catch let error as TransportError {
            throw FatalError(error.description)
        }
    }

    /// The program configured for `service` (`remote.<name>.uploadpack`).
    func configuredProgram(for service: GitService, settings: ConfigStack) -> String? {
        guard let remote else { return nil }
        return settings.get("remote.\(remote.name).\(service == .uploadPack ? "uploadpack" : "receivepack")")
    }
}
