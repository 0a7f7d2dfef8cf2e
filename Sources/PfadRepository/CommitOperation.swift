import Foundation
import PfadObjects
import PfadStore

/// `git commit`: writes the index as a tree, creates a commit on top of HEAD
/// and moves the branch with compare-and-swap, so a concurrent commit can
/// never be lost.
public struct CommitOperation {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// How the commit is to be made.
    public struct Options: Sendable {
        /// The message paragraphs (`-m` given several times), before clean-up.
        public var messages: [String]
        /// Stage modified and deleted tracked files first (`-a`).
        public var all = false
        /// Allow a commit whose tree equals its parent's.
        public var allowEmpty = false
        /// `--author "Name <email>"`.
        public var author: String?
        /// Message clean-up mode (`--cleanup`); git's default for `-m` is whitespace.
        public var cleanup: CleanupMode = .whitespace
        /// `--amend`: replace HEAD's commit (same parents); without messages
        /// its message is kept, and its author (name, e-mail and date)
        /// unless `resetAuthor`.
        public var amend = false
        /// `--reset-author` with `amend`: the author is the current identity.
        public var resetAuthor = false
        /// Where identities and dates come from (`GIT_AUTHOR_*`, `GIT_COMMITTER_*`).
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        public init(messages: [String]) {
            self.messages = messages
        }
    }

    /// What was committed.
    public struct Result: Sendable {
        public var id: ObjectID
        public var commit: Commit
        /// Short branch name, nil when detached.
        public var branch: [UInt8]?
        /// True for the first commit on its branch.
        public var isRoot: Bool
        /// The parent's tree (nil for a root commit), for a summary diff.
        public var parentTree: ObjectID?
        /// The author was taken over from the amended commit (git then
        /// shows its date in the summary).
        public var keptAuthor = false
    }

    /// `--amend` that would leave a commit with the same tree as its
    /// parent, without `allowEmpty` (git: "No changes", exit 1).
    public struct EmptyAmend: Error, CustomStringConvertible, Sendable {
        /// git's advice.
        public var description: String {
            "You asked to amend the most recent commit, but doing so would make\n"
                + "it empty. You can repeat your command with --allow-empty, or you can\n"
                + "remove the commit entirely with \"git reset HEAD^\"."
        }
    }

    /// Makes the commit.
    /// - Throws: `nothingToCommit` when the tree did not change (and not
    ///   `allowEmpty`), identity/date errors, and a store error when HEAD moved
    ///   under us (the commit object stays, unreferenced, as in git).
    public func run(_ options: Options) throws -> Result {
        let workTree = try repository.requireWorkTree("commit")
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        if options.all {
            _ = try AddOperation(repository).stage(.all, into: &index, workTree: workTree, trackedOnly: true)
        }
        if let unmerged = index.entries.first(where: { $0.stage != 0 }) {
            throw RepositoryError.other(
                "Committing is not possible because you have unmerged files (\(String(decoding: unmerged.path, as: UTF8.self)))")
        }
        let (tree, cache) = try TreeBuilder(repository).writeTreeAndCache(from: index.entries)
        index.setCacheTree(cache)
        let head = try HeadInfo.read(repository)
        // A merge, cherry-pick or revert in progress (git's MERGE_HEAD, CHERRY_PICK_HEAD).
        let state = MergeState(repository)
        let mergeHeads = try state.mergeHeads()
        let picked = try state.singleHead(.cherryPickHead)
        var amended: Commit?
        if options.amend {
            guard let current = head.commit else { throw RepositoryError.other("You have nothing to amend.") }
            guard mergeHeads.isEmpty else { throw RepositoryError.other("You are in the middle of a merge -- cannot amend.") }
            amended = try repository.readCommit(current)
        }
        let parents = amended?.parents ?? (head.commit.map { [$0] } ?? []) + mergeHeads
        var parentTree: ObjectID?
        if let parent = parents.first {
            parentTree = try repository.readCommit(parent).tree
        }
        if amended != nil {
            if parents.count <= 1 && !options.allowEmpty && (parentTree == tree || (parents.isEmpty && index.entries.isEmpty)) {
                throw EmptyAmend()
            }
        } else if mergeHeads.isEmpty && !options.allowEmpty && (parentTree == tree || (head.commit == nil && index.entries.isEmpty)) {
            throw RepositoryError.nothingToCommit
        }

        var raw = Array((options.messages.joined(separator: "\n\n") + "\n").utf8)
        if options.messages.isEmpty, let amended {
            raw = amended.message
        } else if options.messages.isEmpty, let prepared = state.read(.mergeMessage) {
            raw = prepared
        }
        let message = MessageCleanup.clean(raw, mode: options.cleanup)
        if message.isEmpty && options.cleanup != .verbatim {
            throw RepositoryError.other("Aborting commit due to empty commit message.")
        }
        let committer = try Identity.signature(for: .committer, settings: repository.settings, environment: options.environment)
        var author = try Identity.signature(for: .author, settings: repository.settings, environment: options.environment)
        if options.author == nil, let picked {
            author = try repository.readCommit(picked).author
        }
        let keptAuthor = amended != nil && !options.resetAuthor
        if keptAuthor, let amended {
            author = amended.author
        }
        if let option = options.author {
            author = try Identity.signature(
                fromAuthorOption: option,
                date: (author.time, String(decoding: author.offset, as: UTF8.self)))
        }
        let commit = Commit(
            tree: tree, parents: parents, author: author, committer: committer, extraHeaders: [], message: message)
        let id = try repository.objects.write(type: .commit, content: commit.serialized())

        // The index (with stat data refreshed by -a) is written under its lock,
        // which is held until the branch has moved, as git does.
        try lock.write(index.serialized(algorithm: repository.algorithm))

        let subject = commit.summary
        let kind =
            amended != nil ? "commit (amend)"
            : head.commit == nil ? "commit (initial)" : mergeHeads.isEmpty ? "commit" : "commit (merge)"
        let reflog = ReflogEntry(
            old: head.commit ?? repository.algorithm.nullID, new: id, committer: committer.serialized(),
            message: Array("\(kind): ".utf8) + subject)
        let expectation: RefExpectation = head.commit.map { .value($0) } ?? .absent
        try repository.refs.updateFollowingSymrefs(Array("HEAD".utf8), to: id, expected: expectation, reflog: reflog)
        try lock.commit()
        state.clear()
        return Result(
            id: id, commit: commit, branch: head.branch, isRoot: head.commit == nil, parentTree: parentTree, keptAuthor: keptAuthor)
    }
}
