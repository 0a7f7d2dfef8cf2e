import PfadRepository
import PfadStore
import PfadTransport

extension RemoteTarget {
    /// The refs the remote advertises (`git ls-remote`), asking for those
    /// under `prefixes` (all when empty; a v0 server sends all anyway).
    /// `settings` give `protocol.version`.
    /// - Throws: `TransportError`, `RepositoryError.notARepositoryAt`.
    public func listRefs(prefixes: [String] = [], settings: ConfigStack, program: ServiceProgram = .inProcess) throws
        -> [AdvertisedRef]
    {
        let session = try Repository.fetchSession(self, settings: settings, program: program)
        do {
            let refs = try session.listRefs(prefixes: prefixes)
            try session.finish()
            try session.connection.close()
            return refs
        } catch {
            try? session.connection.close()
            throw error
        }
    }
}
