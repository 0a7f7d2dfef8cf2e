import PfadRepository

extension Repository {
    /// The object `revision` names (`main`, `v1.0^{commit}`, `HEAD~2`, a
    /// full or abbreviated id), with git's revision syntax.
    /// - Throws: `RepositoryError.unknownRevision` when it names nothing,
    ///   `.ambiguousRevision` when it names several objects.
    public func resolve(_ revision: String) throws -> ObjectID {
        guard let id = try RevisionParser(self).resolve(revision) else { throw RepositoryError.unknownRevision(revision) }
        return id
    }

    /// The commit `revision` names, tags peeled.
    /// - Throws: as `resolve`, and `RepositoryError.wrongObjectType` when it
    ///   is not a commit.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        let id = try resolve(revision)
        guard let commit = try peel(id, to: .commit) else {
            throw RepositoryError.wrongObjectType(id: id, expected: .commit, actual: try objectType(id))
        }
        return commit
    }
}
