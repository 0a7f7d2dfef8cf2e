import PfadObjects

/// What a ref file holds: an object id, or the name of another ref.
public enum RefValue: Sendable, Hashable {
    /// A ref pointing straight at an object.
    case direct(ObjectID)
    /// A symbolic ref (`ref: refs/heads/main`), holding the target's full name.
    case symbolic([UInt8])
}

/// The precondition of a compare-and-swap ref update.
public enum RefExpectation: Sendable, Hashable {
    /// Update whatever the current value is.
    case any
    /// The ref must not exist yet.
    case absent
    /// The ref must currently point at this id.
    case value(ObjectID)
}

/// One reflog line: `old new committer\tmessage`.
public struct ReflogEntry: Sendable, Hashable {
    /// The value before the update (null id when created).
    public var old: ObjectID
    /// The value after the update (null id when deleted).
    public var new: ObjectID
    /// `Name <email> 1700000000 +0100`, formatted by the caller.
    public var committer: [UInt8]
    /// The reason, on one line (git collapses whitespace when writing).
    public var message: [UInt8]

    /// An entry from its four parts.
    public init(old: ObjectID, new: ObjectID, committer: [UInt8], message: [UInt8]) {
        self.old = old
        self.new = new
        self.committer = committer
        self.message = message
    }
}

/// One ref as listed by `RefStore.entries(prefix:)`.
public struct RefEntry: Sendable, Hashable {
    /// Full name, e.g. `refs/heads/main`.
    public var name: [UInt8]
    /// The object the ref (after following symrefs) points at.
    public var id: ObjectID
    /// For annotated tags, the peeled object when `packed-refs` records it.
    public var peeled: ObjectID?

    /// An entry from its parts.
    public init(name: [UInt8], id: ObjectID, peeled: ObjectID? = nil) {
        self.name = name
        self.id = id
        self.peeled = peeled
    }
}

/// When ref updates are logged (`core.logAllRefUpdates`).
public enum ReflogPolicy: Sendable, Hashable {
    /// Only refs whose log file already exists.
    case existingOnly
    /// Also create logs for `HEAD`, `refs/heads/`, `refs/remotes/`, `refs/notes/` (git's `true`).
    case normal
    /// Create logs for every ref (git's `always`).
    case always
}
