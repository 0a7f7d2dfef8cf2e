import Foundation
import PfadDiff
import PfadObjects
import PfadStore

/// `git merge REV`: fast-forward when possible, otherwise a three-way tree
/// merge against the merge base (a virtual base merged from several bases
/// in criss-cross histories, as git's `ort` does), committed when clean and
/// left with git's stages, markers, `MERGE_HEAD` and `MERGE_MSG` otherwise.
public struct MergeOperation {
    /// The repository with a work tree.
    public let repository: Repository

    /// Creates the operation.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Whether a fast-forward is allowed, required or refused.
    public enum FastForward: Sendable {
        /// `--ff` (git's default).
        case allow
        /// `--no-ff`.
        case never
        /// `--ff-only`.
        case only
    }

    /// How the merge is to be made.
    public struct Options: Sendable {
        /// The commit to merge.
        public var theirs: ObjectID
        /// The name as given on the command line (`side`, `v1.0`, an id):
        /// marker label, message and reflog use it.
        public var theirsName: String
        /// `-m`, replacing the default "Merge branch 'x'" message.
        public var message: String?
        /// Fast-forward policy.
        public var fastForward: FastForward = .allow
        /// Conflict style for markers (`merge.conflictStyle`).
        public var style: ConflictStyle = .merge
        /// Identities and dates (`GIT_AUTHOR_*`, `GIT_COMMITTER_*`).
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        /// Options with git's defaults.
        public init(theirs: ObjectID, theirsName: String) {
            self.theirs = theirs
            self.theirsName = theirsName
        }
    }

    /// What the merge did.
    public enum Outcome: Sendable {
        /// `theirs` is already contained in HEAD.
        case upToDate
        /// HEAD moved forward from `from` to `to`.
        case fastForward(from: ObjectID, to: ObjectID)
        /// A merge commit was made.
        case merged(commit: ObjectID, from: ObjectID, result: TreeMergeResult)
        /// Conflicts were left for the user to resolve.
        case conflicted(TreeMergeResult)
    }

    /// Raised for `--ff-only` when a fast-forward is impossible.
    public struct NotPossibleToFastForward: Error, CustomStringConvertible, Sendable {
        /// git's message.
        public var description: String { "Not possible to fast-forward, aborting." }
    }

    /// Runs the merge.
    /// - Throws: `MergeWorkTree.Refusal` when local changes are in the way
    ///   (nothing is changed then), `NotPossibleToFastForward`, object and
    ///   store errors.
    public func run(_ options: Options) throws -> Outcome {
        _ = try repository.requireWorkTree("merge")
        let state = MergeState(repository)
        if try !state.mergeHeads().isEmpty {
            throw RepositoryError.other(
                "You have not concluded your merge (MERGE_HEAD exists).")
        }
        let head = try HeadInfo.read(repository)
        guard let ours = head.commit else {
            throw RepositoryError.other("pfad merge: merging into an unborn branch is not supported")
        }
        let theirs = options.theirs
        let finder = MergeBase(cache: CommitCache(repository))
        let bases = try finder.bases(ours, [theirs])
        if bases.contains(theirs) { return .upToDate }
        let oursCommit = try repository.readCommit(ours)
        let theirsCommit = try repository.readCommit(theirs)

        let lock = try LockFile.acquire(for: repository.indexPath)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let updater = MergeWorkTree(repository)

        if bases.contains(ours) && options.fastForward != .never {
            let result = try TreeMerge(repository, theirsLabel: options.theirsName)
                .merge(base: oursCommit.tree, ours: oursCommit.tree, theirs: theirsCommit.tree)
            try updater.check(index: index, headTree: oursCommit.tree)
            let newIndex = try updater.apply(result, index: index, headTree: oursCommit.tree)
            try lock.write(newIndex.serialized(algorithm: repository.algorithm))
            try state.write(.origHead, id: ours)
            try moveHead(from: ours, to: theirs, message: "merge \(options.theirsName): Fast-forward", options: options)
            try lock.commit()
            return .fastForward(from: ours, to: theirs)
        }
        if options.fastForward == .only { throw NotPossibleToFastForward() }

        let baseTree = try mergeBaseTree(bases, style: options.style)
        var merger = TreeMerge(repository, theirsLabel: options.theirsName, style: options.style)
        merger.isVirtualBase = false
        let result = try merger.merge(base: baseTree, ours: oursCommit.tree, theirs: theirsCommit.tree)
        try updater.check(index: index, headTree: oursCommit.tree)
        let newIndex = try updater.apply(result, index: index, headTree: oursCommit.tree)
        try lock.write(newIndex.serialized(algorithm: repository.algorithm))
        try state.write(.origHead, id: ours)
        let message = try options.message.map { Array($0.utf8) + [0x0A] }
            ?? Self.defaultMessage(for: options.theirsName, into: head.branch, repository: repository)
        guard result.isClean else {
            try state.write(.mergeHead, id: theirs)
            try state.write(.mergeMode, options.fastForward == .never ? Array("no-ff".utf8) : [])
            try state.write(.mergeMessage, Self.conflictMessage(message, conflicts: result.conflictedPaths))
            try state.write(.autoMerge, id: result.tree)
            try lock.commit()
            return .conflicted(result)
        }
        let id = try makeCommit(
            tree: result.tree, parents: [ours, theirs], message: message, environment: options.environment)
        try moveHead(
            from: ours, to: id, message: "merge \(options.theirsName): Merge made by the 'ort' strategy.", options: options)
        try lock.commit()
        return .merged(commit: id, from: ours, result: result)
    }

    /// The tree to merge against: no base → nil (empty tree), one base → its
    /// tree, several → their recursive merge (the "virtual" base). As git's
    /// ort: the bases are merged oldest-listed first (the reverse of
    /// `merge-base --all`), conflicts stay in the virtual base with markers
    /// two characters longer per level of recursion.
    func mergeBaseTree(_ listed: [ObjectID], style: ConflictStyle, depth: Int = 1) throws -> ObjectID? {
        let bases = Array(listed.reversed())
        guard var current = bases.first else { return nil }
        let finder = MergeBase(cache: CommitCache(repository))
        var currentTree = try repository.readCommit(current).tree
        for (n, next) in bases.dropFirst().enumerated() {
            let innerBases = try finder.bases(current, [next])
            let innerBase = try mergeBaseTree(innerBases, style: style, depth: depth + 1)
            var merger = TreeMerge(
                repository, oursLabel: "Temporary merge branch \(n + 1)", theirsLabel: "Temporary merge branch \(n + 2)",
                style: style)
            merger.isVirtualBase = true
            merger.textOptions.markerSize = 7 + 2 * depth
            let nextTree = try repository.readCommit(next).tree
            currentTree = try merger.merge(base: innerBase, ours: currentTree, theirs: nextTree).tree
            current = next
        }
        return currentTree
    }

    /// "Merge branch 'x'" (tag, remote-tracking branch, commit), with
    /// " into y" unless the current branch is `main` or `master`.
    public static func defaultMessage(for name: String, into branch: [UInt8]?, repository: Repository) throws -> [UInt8] {
        var kind = "commit"
        var shown = name
        if try repository.refs.read(Array("refs/heads/\(name)".utf8)) != nil {
            kind = "branch"
        } else if try repository.refs.read(Array("refs/tags/\(name)".utf8)) != nil {
            kind = "tag"
        } else if try repository.refs.read(Array("refs/remotes/\(name)".utf8)) != nil {
            kind = "remote-tracking branch"
        } else if name.hasPrefix("refs/heads/") {
            kind = "branch"
            shown = String(name.dropFirst("refs/heads/".count))
        }
        var text = "Merge \(kind) '\(shown)'"
        if let branch, branch != Array("main".utf8), branch != Array("master".utf8) {
            text += " into " + String(decoding: branch, as: UTF8.self)
        }
        return Array((text + "\n").utf8)
    }

    /// The message with git's "# Conflicts:" list appended.
    public static func conflictMessage(_ message: [UInt8], conflicts: [[UInt8]]) -> [UInt8] {
        var out = message
        if out.last != 0x0A { out.append(0x0A) }
        out += Array("\n# Conflicts:\n".utf8)
        for path in conflicts { out += Array("#\t".utf8) + path + [0x0A] }
        return out
    }

    /// Writes a commit whose author and committer come from the environment
    /// (or `author` when given); the message is cleaned as `git commit` does
    /// without an editor (whitespace mode).
    func makeCommit(
        tree: ObjectID, parents: [ObjectID], message: [UInt8], author: Signature? = nil, environment: [String: String]
    ) throws -> ObjectID {
        let committer = try Identity.signature(for: .committer, settings: repository.settings, environment: environment)
        let authorSignature = try author
            ?? Identity.signature(for: .author, settings: repository.settings, environment: environment)
        let commit = Commit(
            tree: tree, parents: parents, author: authorSignature, committer: committer, extraHeaders: [],
            message: MessageCleanup.clean(message, mode: .whitespace))
        return try repository.objects.write(type: .commit, content: commit.serialized())
    }

    /// Moves HEAD (and the branch it names) from `old` to `new` with a reflog entry.
    func moveHead(from old: ObjectID, to new: ObjectID, message: String, options: Options) throws {
        try MergeOperation.moveHead(repository, from: old, to: new, message: message, environment: options.environment)
    }

    /// Moves HEAD (and its branch) with compare-and-swap and a reflog entry.
    static func moveHead(
        _ repository: Repository, from old: ObjectID, to new: ObjectID, message: String, environment: [String: String]
    ) throws {
        let committer = try Identity.signature(for: .committer, settings: repository.settings, environment: environment)
        let reflog = ReflogEntry(old: old, new: new, committer: committer.serialized(), message: Array(message.utf8))
        try repository.refs.updateFollowingSymrefs(Array("HEAD".utf8), to: new, expected: .value(old), reflog: reflog)
    }
}
