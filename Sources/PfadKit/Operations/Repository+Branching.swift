import Foundation
import PfadRepository

extension Repository {
    /// Creates branch `name` at `revision` (default HEAD); returns its full
    /// ref name (`refs/heads/<name>`).
    /// - Throws: an invalid or existing name, an unknown revision.
    @discardableResult
    public func createBranch(_ name: String, at revision: String = "HEAD") throws -> [UInt8] {
        try BranchOperation(self).create(name, at: try resolveCommit(revision), startName: revision)
    }

    /// Switches the work tree, index and HEAD to branch `name`, keeping
    /// local changes that do not collide (as `git switch <name>`).
    /// - Throws: `RepositoryError.checkoutConflicts` (then nothing changed),
    ///   an unknown branch.
    public func switchBranch(_ name: String) throws {
        let ref = try BranchOperation(self).refName(name)
        guard let commit = try refs.resolve(ref) else { throw RepositoryError.unknownRevision(name) }
        try SwitchOperation(self).run(to: commit, target: .branch(ref), name: name)
    }

    /// Tags `revision` (default HEAD) as `name`: an annotated tag when
    /// `message` is given (tagger: the committer identity), else a
    /// lightweight one. Returns the id the tag ref points at.
    /// - Throws: an invalid or existing name, an unknown revision.
    @discardableResult
    public func tag(
        _ name: String, at revision: String = "HEAD", message: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ObjectID {
        try TagOperation(self).create(name, target: try resolve(revision), message: message, environment: environment)
    }
}
