import Foundation
import PfadDiff
import PfadObjects
import PfadStore

/// `git cherry-pick REV` and `git revert REV`: a three-way merge of HEAD
/// with the commit (base: its parent) or with the commit's parent (base:
/// the commit), committed when clean; otherwise left as git leaves it, with
/// `CHERRY_PICK_HEAD`/`REVERT_HEAD` and `MERGE_MSG`.
public struct PickOperation {
    /// The repository with a work tree.
    public let repository: Repository

    /// Creates the operation.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Which of the two.
    public enum Kind: Sendable {
        /// Apply the commit's change.
        case cherryPick
        /// Apply the inverse of the commit's change.
        case revert
    }

    /// What happened.
    public enum Outcome: Sendable {
        /// The new commit, its parent and the merge.
        case committed(id: ObjectID, commit: Commit, parentTree: ObjectID, result: TreeMergeResult)
        /// Conflicts were left; `label` is git's "abc1234... subject".
        case conflicted(TreeMergeResult, label: String)
    }

    /// Raised when the result equals HEAD (git: "nothing to commit").
    public struct EmptyResult: Error, CustomStringConvertible, Sendable {
        /// git's message head.
        public var description: String { "The previous cherry-pick is now empty, possibly due to conflict resolution." }
    }

    /// Runs the cherry-pick or revert of `id`.
    /// - Throws: `RepositoryError.other` for merge commits and root commits
    ///   (revert), `MergeWorkTree.Refusal`, `EmptyResult`, store errors.
    public func run(_ kind: Kind, _ id: ObjectID, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Outcome
    {
        _ = try repository.requireWorkTree(kind == .cherryPick ? "cherry-pick" : "revert")
        let head = try HeadInfo.read(repository)
        guard let ours = head.commit else {
            throw RepositoryError.other("pfad: cherry-pick/revert on an unborn branch is not supported")
        }
        let picked = try repository.readCommit(id)
        guard picked.parents.count <= 1 else {
            throw RepositoryError.other("commit \(id.hex) is a merge but no -m option was given.")
        }
        let parentTree = try picked.parents.first.map { try repository.readCommit($0).tree }
        let short = try repository.abbreviate(id)
        let subject = String(decoding: picked.summary, as: UTF8.self)
        let oursCommit = try repository.readCommit(ours)

        let base: ObjectID?
        let theirs: ObjectID
        let label: String
        switch kind {
        case .cherryPick:
            base = parentTree
            theirs = picked.tree
            label = "\(short) (\(subject))"
        case .revert:
            guard let parentTree else {
                throw RepositoryError.other("pfad: reverting a root commit is not supported")
            }
            base = picked.tree
            theirs = parentTree
            label = "parent of \(short) (\(subject))"
        }
        let lock = try LockFile.acquire(for: repository.indexPath)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let result = try TreeMerge(repository, theirsLabel: label).merge(base: base, ours: oursCommit.tree, theirs: theirs)
        let updater = MergeWorkTree(repository, operation: kind == .cherryPick ? "cherry-pick" : "revert")
        try updater.check(index: index, headTree: oursCommit.tree)
        if result.isClean && result.tree == oursCommit.tree && kind == .cherryPick {
            throw EmptyResult()
        }
        let newIndex = try updater.apply(result, index: index, headTree: oursCommit.tree)
        try lock.write(newIndex.serialized(algorithm: repository.algorithm))

        let message: [UInt8]
        switch kind {
        case .cherryPick:
            message = picked.message
        case .revert:
            message = Array("Revert \"\(subject)\"\n\nThis reverts commit \(id.hex).\n".utf8)
        }
        let state = MergeState(repository)
        guard result.isClean else {
            try state.write(kind == .cherryPick ? .cherryPickHead : .revertHead, id: id)
            try state.write(.mergeMessage, MergeOperation.conflictMessage(message, conflicts: result.conflictedPaths))
            try state.write(.autoMerge, id: result.tree)
            try lock.commit()
            return .conflicted(result, label: "\(short)... \(subject)")
        }
        let merge = MergeOperation(repository)
        let commitID = try merge.makeCommit(
            tree: result.tree, parents: [ours], message: message,
            author: kind == .cherryPick ? picked.author : nil, environment: environment)
        let commit = try repository.readCommit(commitID)
        let reflogSubject = String(decoding: commit.summary, as: UTF8.self)
        let reflog = kind == .cherryPick ? "cherry-pick: \(reflogSubject)" : "revert: \(reflogSubject)"
        try MergeOperation.moveHead(repository, from: ours, to: commitID, message: reflog, environment: environment)
        try lock.commit()
        return .committed(id: commitID, commit: commit, parentTree: oursCommit.tree, result: result)
    }
}
