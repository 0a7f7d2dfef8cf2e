import PfadRepository
import PfadTransport

extension Repository {
    /// Pushes to `target` as `options` say (refspecs, force, atomic,
    /// dry run): sends the objects the remote lacks and asks it to move its
    /// refs. Returns the remote's answer per ref; prints nothing.
    /// - Throws: `TransportError`, `RepositoryError` (unknown source
    ///   revisions); refused refs are not errors but statuses in the result
    ///   (`result.failed`).
    public func push(
        to target: RemoteTarget, options: PushOperation.Options, program: ServiceProgram = .inProcess,
        progress: TransferProgress = .silent
    ) throws -> PushOperation.Result {
        let connection = try RemoteConnector.connect(target.location, service: .receivePack, version: .v0, program: program)
        defer { try? connection.close() }
        return try PushOperation(self, options: options).run(connection: connection, progress: progress.remote)
    }

    /// Pushes `refspecs` (git's push syntax: `main`, `main:refs/heads/x`,
    /// `+topic`, `:old`) to the configured remote or URL `name`, as a plain
    /// `git push <name> <refspec>…`.
    /// - Throws: `RemoteError` for an unknown remote, and as `push(to:options:)`.
    public func push(remote name: String = "origin", refspecs: [String], force: Bool = false,
                     progress: TransferProgress = .silent) throws -> PushOperation.Result {
        let target = try RemoteTarget.resolve(name, settings: settings, push: true)
        let specs = refspecs.map(Refspec.init(pushing:))
        var options = PushOperation.Options(refspecs: specs, sourceTexts: specs.map { String(decoding: $0.source, as: UTF8.self) })
        options.force = force
        options.quiet = true
        options.remoteName = target.remote?.name
        options.fetchRefspecs = target.remote?.fetchRefspecs ?? []
        return try push(to: target, options: options, progress: progress)
    }
}
