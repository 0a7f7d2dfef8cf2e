import Foundation
import PfadRepository

extension Repository {
    /// Merges `revision` into the current branch (`git merge`):
    /// fast-forward when possible (unless `fastForward` says otherwise),
    /// else a three-way merge that commits when clean and leaves conflicts
    /// in the index and work tree otherwise (then `MERGE_HEAD` is set; finish
    /// with `commit`, or `abortMerge`). The outcome says which.
    /// - Throws: `MergeOperation.NotPossibleToFastForward` for `.only`,
    ///   local changes in the way, unknown revisions.
    public func merge(
        _ revision: String, message: String? = nil, fastForward: MergeOperation.FastForward = .allow,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> MergeOperation.Outcome {
        var options = MergeOperation.Options(theirs: try resolveCommit(revision), theirsName: revision)
        options.message = message
        options.fastForward = fastForward
        options.environment = environment
        return try MergeOperation(self).run(options)
    }

    /// Gives up the merge in progress and restores the state before it.
    public func abortMerge() throws {
        try MergeOperation(self).abort()
    }

    /// Applies the change `revision` made onto the current branch as a new
    /// commit (`git cherry-pick`), or leaves conflicts.
    /// - Throws: `PickOperation.EmptyResult` when nothing changes, merge
    ///   and root commits, local changes in the way.
    public func cherryPick(_ revision: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> PickOperation.Outcome
    {
        try PickOperation(self).run(.cherryPick, try resolveCommit(revision), environment: environment)
    }

    /// Undoes the change `revision` made with a new commit (`git revert`),
    /// or leaves conflicts.
    public func revert(_ revision: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> PickOperation.Outcome
    {
        try PickOperation(self).run(.revert, try resolveCommit(revision), environment: environment)
    }

    /// Checks the repository's objects and refs (`git fsck`); every problem
    /// is a finding with a severity, nothing is printed.
    public func fsck(strict: Bool = false) throws -> [FsckOperation.Finding] {
        try FsckOperation(self).run(strict: strict)
    }
}
