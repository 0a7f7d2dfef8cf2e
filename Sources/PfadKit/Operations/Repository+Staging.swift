import Foundation
import PfadRepository

extension Repository {
    /// Stages the files `paths` name (relative to the work tree; folders
    /// and git's pathspec magic allowed), as `git add`: new and changed
    /// files are added, deleted ones removed from the index.
    /// - Throws: `RepositoryError.pathspecDidNotMatch`, `.outsideRepository`,
    ///   `.bareRepository`, store errors.
    @discardableResult
    public func add(_ paths: [String]) throws -> AddOperation.Result {
        let workTree = try requireWorkTree("add")
        return try AddOperation(self).run(Pathspec(arguments: paths, prefix: [], workTree: workTree))
    }

    /// Records the staged changes as a new commit on the current branch.
    /// `author` overrides the configured author (`"Name <email>"`);
    /// `environment` supplies `GIT_AUTHOR_*`/`GIT_COMMITTER_*` (dates and
    /// identities), the process's by default.
    /// - Throws: `RepositoryError.nothingToCommit`, `.missingIdentity`, store errors.
    @discardableResult
    public func commit(
        message: String, author: String? = nil, all: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> CommitOperation.Result {
        var options = CommitOperation.Options(messages: [message])
        options.author = author
        options.all = all
        options.environment = environment
        return try CommitOperation(self).run(options)
    }

    /// The changes between HEAD, the index and the work tree, as
    /// `git status` sees them (untracked files included).
    public func status() throws -> StatusReport {
        try StatusOperation(self).run()
    }
}
