import PfadObjects
import PfadStore

/// Branches (`refs/heads/*`): list, create, delete, rename, each ref change
/// logged with git's reflog messages.
public struct BranchOperation {
    /// The repository whose branches change.
    public let repository: Repository

    /// Branch operations on `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    static let headsPrefix = Array("refs/heads/".utf8)

    /// `refs/heads/<name>`, or `invalidBranchName` when `name` is not a valid branch name.
    public func refName(_ name: String) throws -> [UInt8] {
        let full = Self.headsPrefix + Array(name.utf8)
        guard name != "HEAD", !name.hasPrefix("-"), RefName.isValid(full) else {
            throw RepositoryError.other("'\(name)' is not a valid branch name")
        }
        return full
    }

    /// Branches as (short name, commit), sorted bytewise.
    public func list() throws -> [(name: [UInt8], id: ObjectID)] {
        try repository.refs.all(prefix: Self.headsPrefix).map { (Array($0.name.dropFirst(Self.headsPrefix.count)), $0.id) }
    }

    /// Creates branch `name` at `start` (`branch: Created from <startName>`).
    /// - Throws: when the name is invalid, or the branch exists and not `force`,
    ///   or `force` would move the checked-out branch.
    @discardableResult
    public func create(_ name: String, at start: ObjectID, startName: String, force: Bool = false) throws -> [UInt8] {
        let full = try refName(name)
        let existing = try repository.refs.resolve(full)
        if existing != nil {
            guard force else { throw RepositoryError.other("a branch named '\(name)' already exists") }
            if try HeadInfo.read(repository).refName == full {
                throw RepositoryError.other("cannot force update the branch '\(name)' checked out at '\(repository.workTree ?? repository.gitDirectory)'")
            }
        }
        let message = existing == nil ? "branch: Created from \(startName)" : "branch: Reset to \(startName)"
        let entry = try reflog(old: existing, new: start, message: message)
        _ = try repository.refs.update(full, to: start, expected: existing.map { .value($0) } ?? .absent, reflog: entry)
        return full
    }

    /// What `delete` found.
    public enum DeleteOutcome: Sendable, Equatable {
        /// Deleted; it pointed at this commit.
        case deleted(ObjectID)
        /// No such branch.
        case notFound
        /// Not merged into HEAD (only without `force`).
        case notMerged
        /// It is the checked-out branch.
        case checkedOut
    }

    /// Deletes branch `name`; without `force` only when HEAD contains it.
    public func delete(_ name: String, force: Bool) throws -> DeleteOutcome {
        let full = Self.headsPrefix + Array(name.utf8)
        guard RefName.isValid(full), let id = try repository.refs.resolve(full) else { return .notFound }
        let head = try HeadInfo.read(repository)
        if head.refName == full { return .checkedOut }
        if !force {
            let upstream = head.commit
            if let upstream, try !MergeBase(cache: CommitCache(repository)).isAncestor(id, of: upstream) { return .notMerged }
            if upstream == nil { return .notMerged }
        }
        try repository.refs.delete(full, expected: .value(id))
        return .deleted(id)
    }

    /// Renames branch `old` to `new`, moving its reflog and HEAD with it
    /// (`Branch: renamed refs/heads/OLD to refs/heads/NEW`).
    public func rename(_ old: String, to new: String, force: Bool = false) throws {
        let from = Self.headsPrefix + Array(old.utf8)
        let to = try refName(new)
        let head = try HeadInfo.read(repository)
        guard RefName.isValid(from), let id = try repository.refs.resolve(from) else {
            if head.refName == from, head.commit == nil {
                try repository.refs.setSymbolic(Array("HEAD".utf8), target: to, reflog: nil)
                return
            }
            throw RepositoryError.other("no branch named '\(old)'")
        }
        if from == to { return }
        if try repository.refs.resolve(to) != nil, !force {
            throw RepositoryError.other("a branch named '\(new)' already exists")
        }
        let log = try repository.refs.readReflog(from)
        let message = "Branch: renamed \(String(decoding: from, as: UTF8.self)) to \(String(decoding: to, as: UTF8.self))"
        // The old name goes first (`a` → `a/b` needs the folder), then the
        // new name and HEAD move together in one transaction.
        try repository.refs.delete(from, expected: .value(id))
        for entry in log { try repository.refs.appendReflog(to, entry) }
        var transaction = repository.refs.transaction()
        transaction.update(to, to: id, expected: force ? .any : .absent, reflog: try reflog(old: id, new: id, message: message))
        if head.refName == from { transaction.setSymbolic(Array("HEAD".utf8), target: to) }
        try transaction.commit()
        if head.refName == from {
            // git logs the rename of the checked-out branch in HEAD's log as
            // a deletion followed by a creation.
            let null = repository.algorithm.nullID
            try repository.refs.appendReflog(Array("HEAD".utf8), try reflog(old: id, new: null, message: message))
            try repository.refs.appendReflog(Array("HEAD".utf8), try reflog(old: null, new: id, message: message))
        }
    }

    func reflog(old: ObjectID?, new: ObjectID, message: String) throws -> ReflogEntry {
        ReflogEntry(
            old: old ?? repository.algorithm.nullID, new: new, committer: try ReflogIdentity.committer(repository),
            message: Array(message.utf8))
    }
}
