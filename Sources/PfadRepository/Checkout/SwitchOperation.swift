import Foundation
import PfadObjects
import PfadStore

/// `git switch`/`git checkout <branch>`: moves index and work tree to a
/// commit's tree (keeping local changes that do not collide), then points
/// HEAD at the branch (or detaches it), logging `checkout: moving from A to B`.
public struct SwitchOperation {
    /// The repository that switches.
    public let repository: Repository

    /// A switch in `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Where HEAD goes.
    public enum Target: Sendable, Equatable {
        /// An existing branch (full ref name).
        case branch([UInt8])
        /// A new branch (short name) created at the commit, as `switch -c`;
        /// with `reset` an existing branch is moved instead (`switch -C`, `checkout -B`).
        case newBranch(String, startName: String, reset: Bool = false)
        /// A detached HEAD.
        case detached
    }

    /// On an unborn branch, `switch -c NAME` only renames the branch HEAD
    /// will create (nothing is written but HEAD, as in git).
    public func renameUnborn(to name: String) throws {
        let ref = try BranchOperation(repository).refName(name)
        if try repository.refs.resolve(ref) != nil {
            throw RepositoryError.other("a branch named '\(name)' already exists")
        }
        try repository.refs.setSymbolic(Array("HEAD".utf8), target: ref, reflog: nil)
    }

    /// Switches to `commit` (nil: an unborn branch, only with `.branch`).
    /// `name` is what the user typed (it appears in the reflog).
    /// - Throws: checkout conflicts (nothing changes then), branch errors.
    public func run(to commit: ObjectID?, target: Target, name: String, force: Bool = false) throws {
        let head = try HeadInfo.read(repository)
        if case .newBranch(let branch, _, let reset) = target {
            // Validate before touching the work tree.
            let full = try BranchOperation(repository).refName(branch)
            if !reset, try repository.refs.resolve(full) != nil {
                throw RepositoryError.other("a branch named '\(branch)' already exists")
            }
        }
        var oldTree = try head.commit.map { try repository.readCommit($0).tree }
        let newTree = try commit.map { try repository.readCommit($0).tree }
        var initialCheckout = false
        if case .newBranch = target {
            // git skips the work tree when a new branch starts at HEAD.
        } else if oldTree != nil, !FileManager.default.fileExists(atPath: repository.indexPath) {
            // No index yet (`clone --no-checkout`): git's initial checkout
            // fills the work tree from nothing, even for the same commit.
            oldTree = nil
            initialCheckout = true
        }
        if oldTree != newTree || force || initialCheckout {
            _ = try CheckoutOperation(repository).run(
                from: .tree(oldTree), to: newTree, options: CheckoutOperation.Options(force: force))
        }
        let from: String
        if let branch = head.branch {
            from = String(decoding: branch, as: UTF8.self)
        } else {
            from = head.commit?.hex ?? "HEAD"
        }
        let committer = try ReflogIdentity.committer(repository)
        let null = repository.algorithm.nullID
        let entry = ReflogEntry(
            old: head.commit ?? null, new: commit ?? null, committer: committer,
            message: Array("checkout: moving from \(from) to \(name)".utf8))
        let headName = Array("HEAD".utf8)
        switch target {
        case .branch(let ref):
            try repository.refs.setSymbolic(headName, target: ref, reflog: entry)
        case .newBranch(let branch, let startName, let reset):
            guard let commit else { throw RepositoryError.other("cannot create a branch from an unborn HEAD") }
            let ref = try BranchOperation(repository).create(branch, at: commit, startName: startName, force: reset)
            try repository.refs.setSymbolic(headName, target: ref, reflog: entry)
        case .detached:
            guard let commit else { throw RepositoryError.other("cannot detach HEAD: no commit") }
            _ = try repository.refs.update(headName, to: commit, expected: .any, reflog: entry)
        }
    }
}
