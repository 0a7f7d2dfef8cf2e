import PfadObjects

/// One ref change queued in a `RefTransaction`: what the ref becomes, what
/// it must hold before (compare-and-swap), and the reflog line to write.
public struct RefChange: Sendable, Hashable {
    /// What the ref holds after the transaction.
    public enum Value: Sendable, Hashable {
        /// Points the ref at an object.
        case id(ObjectID)
        /// Makes the ref symbolic (`ref: <target>`), e.g. `HEAD`.
        case symbolic([UInt8])
        /// Removes the loose file, the `packed-refs` entry and the reflog.
        case deleted
    }

    /// The ref named by the caller (`HEAD`, `refs/heads/main`).
    public var name: [UInt8]
    /// The new value.
    public var value: Value
    /// The precondition, checked under the lock against the ref's id
    /// (a symbolic ref counts as the id it resolves to).
    public var expected: RefExpectation
    /// Follow `name` through symbolic refs and change the ref at the end of
    /// the chain (`HEAD` → `refs/heads/main`), as git does without `--no-deref`.
    public var followsSymbolicRefs: Bool
    /// The reflog line to append; its `old`/`new` fields are replaced by the
    /// values seen under the lock. Ignored for deletions (the log is removed).
    public var reflog: ReflogEntry?

    /// A change from its parts.
    public init(
        name: [UInt8], value: Value, expected: RefExpectation = .any, followsSymbolicRefs: Bool = false,
        reflog: ReflogEntry? = nil
    ) {
        self.name = name
        self.value = value
        self.expected = expected
        self.followsSymbolicRefs = followsSymbolicRefs
        self.reflog = reflog
    }
}

/// What a committed `RefChange` did.
public struct RefChangeResult: Sendable, Hashable {
    /// The name the change was queued under.
    public var name: [UInt8]
    /// The ref that was written (differs from `name` when a symref was followed).
    public var target: [UInt8]
    /// The id the ref resolved to before, seen under its lock; nil if absent.
    public var old: ObjectID?
}

/// Where a ref transaction failed (`StoreError.refTransactionFailed`).
/// Nothing has changed in any of these stages.
public enum RefTransactionStage: Sendable, Hashable {
    /// Taking `<ref>.lock` (held by another writer, name conflict, I/O).
    case lock
    /// Taking `packed-refs.lock`, which every transaction with a deletion needs.
    case lockPackedRefs
    /// The ref's value under the lock did not meet the expectation.
    case verify
    /// Writing the lock files, the reflog or renaming them into place.
    case write
}
