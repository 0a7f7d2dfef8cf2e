import PfadRepository
import PfadStore
import PfadTransport

extension Repository {
    /// Connects to the upload-pack of `target` and opens a fetch session
    /// (reads the server's advertisement).
    /// - Throws: `TransportError`, `RepositoryError.notARepositoryAt`.
    public func fetchSession(_ target: RemoteTarget, program: ServiceProgram = .inProcess) throws -> FetchSession {
        try Self.fetchSession(target, settings: settings, program: program)
    }

    /// `fetchSession` for a caller without a repository yet (clone).
    static func fetchSession(_ target: RemoteTarget, settings: ConfigStack, program: ServiceProgram) throws -> FetchSession {
        let version = RemoteConnector.protocolVersion(settings.get("protocol.version"))
        let connection = try RemoteConnector.connect(target.location, service: .uploadPack, version: version, program: program)
        return try FetchSession(connection: connection)
    }

    /// Fetches from `target` as `options` say (refspecs, tags, prune,
    /// FETCH_HEAD…): lists the remote's refs, receives the missing objects
    /// in one pack and updates the refs. Returns what happened; prints
    /// nothing.
    /// - Throws: `TransportError`, `PackError`, `StoreError`,
    ///   `RepositoryError`; refs refused as non-fast-forward are not errors
    ///   but rejected updates in the result.
    public func fetch(
        from target: RemoteTarget, options: FetchOperation.Options, program: ServiceProgram = .inProcess,
        progress: TransferProgress = .silent
    ) throws -> FetchOperation.Result {
        let session = try fetchSession(target, program: program)
        do {
            let result = try FetchOperation(self, options: options).run(
                session: session, progress: progress.remote, receiving: progress.receiving)
            try session.finish()
            try session.connection.close()
            return result
        } catch {
            try? session.connection.close()
            throw error
        }
    }

    /// Fetches from the configured remote `name` (default `origin`) with its
    /// configured refspecs, following tags, as a plain `git fetch <name>`.
    /// - Throws: `RemoteError` for an unknown remote, and as `fetch(from:options:)`.
    public func fetch(remote name: String = "origin", progress: TransferProgress = .silent) throws -> FetchOperation.Result {
        let target = try RemoteTarget.resolve(name, settings: settings)
        let refspecs = target.remote?.fetchRefspecs ?? [Refspec(source: Array("HEAD".utf8), destination: nil)]
        var options = FetchOperation.Options(url: target.url, refspecs: refspecs)
        options.commandLineRefspecs = target.remote == nil
        options.quiet = true
        options.reflogAction = "fetch \(name)"
        return try fetch(from: target, options: options, progress: progress)
    }
}
