import PfadObjects

/// Changes several refs all-or-nothing, as git's files backend does.
///
/// Queue changes with `update`, `delete`, `setSymbolic` or `add`, then
/// `commit()`: every affected loose ref is locked (`<ref>.lock`), and
/// `packed-refs.lock` too when there is a deletion (kept only if a deleted
/// ref is packed); every
/// expected old value is checked under the locks; only then are reflogs
/// appended, lock files renamed into place, `packed-refs` rewritten and
/// deleted loose files removed (with their empty parent folders). If
/// locking or checking fails, all locks are released and nothing changes;
/// the error is `StoreError.refTransactionFailed` naming the ref and stage.
///
/// A `~Copyable` value: `commit()` and `abort()` consume it, and a
/// transaction dropped after `prepare()` without either releases its locks.
/// A crash while locks are held leaves the old values and stale `.lock`
/// files, which later writers report as git does (`Unable to create
/// '….lock': File exists.`).
public struct RefTransaction: ~Copyable {
    /// One change after `prepare()`: its locked ref and the values seen.
    struct Planned {
        var change: RefChange
        /// The ref that holds the value (end of the symref chain, or `name`).
        var target: [UInt8]
        /// `name` … `target` when following symrefs, else `[name]`.
        var chain: [[UInt8]]
        /// Slot of `<target>.lock` in `locks`.
        var slot: Int
        /// The loose file's value under the lock (nil: no loose file).
        var loose: RefValue?
        /// The resolved id under the lock (nil: absent or unborn).
        var old: ObjectID?
    }

    /// The store the refs live in.
    public let store: RefStore
    /// The queued changes, in order.
    public private(set) var changes: [RefChange] = []
    var locks = LockSet()
    var planned: [Planned]?
    /// Slot of `packed-refs.lock`, when a deletion rewrites `packed-refs`.
    var packedSlot: Int?

    /// An empty transaction on `store`; nothing is locked until `prepare()`.
    public init(_ store: RefStore) {
        self.store = store
    }

    /// Queues `change`. Queuing after `prepare()` releases the locks; the
    /// next `commit()` prepares again.
    public mutating func add(_ change: RefChange) {
        if planned != nil { reset() }
        changes.append(change)
    }

    /// Queues pointing `name` at `id` if it meets `expected`.
    public mutating func update(
        _ name: [UInt8], to id: ObjectID, expected: RefExpectation = .any, reflog: ReflogEntry? = nil,
        followingSymbolicRefs: Bool = false
    ) {
        add(RefChange(name: name, value: .id(id), expected: expected, followsSymbolicRefs: followingSymbolicRefs, reflog: reflog))
    }

    /// Queues deleting `name` (loose file, `packed-refs` entry, reflog) if it
    /// meets `expected`; deleting an absent ref with `.any` or `.absent` is a no-op.
    public mutating func delete(_ name: [UInt8], expected: RefExpectation = .any, followingSymbolicRefs: Bool = false) {
        add(RefChange(name: name, value: .deleted, expected: expected, followsSymbolicRefs: followingSymbolicRefs))
    }

    /// Queues making `name` a symbolic ref to `target`; the reflog line (if
    /// any) records the move between the resolved old and new ids.
    public mutating func setSymbolic(_ name: [UInt8], target: [UInt8], reflog: ReflogEntry? = nil) {
        add(RefChange(name: name, value: .symbolic(target), reflog: reflog))
    }

    /// Locks every ref, checks every expectation and writes the new values
    /// into the lock files, without changing any ref yet. Called by
    /// `commit()` if needed; call it directly to hold the locks first.
    /// - Throws: `StoreError.refTransactionFailed`; all locks are released then.
    public mutating func prepare() throws {
        guard planned == nil else { return }
        do {
            var plan: [Planned] = []
            var targets = Set<[UInt8]>()
            for change in changes {
                let item = try lockAndVerify(change, taken: targets)
                targets.insert(item.target)
                plan.append(item)
            }
            try lockPackedRefs(for: plan)
            planned = plan
        } catch {
            reset()
            throw error
        }
    }

    /// Applies every change (preparing first if needed) and returns what
    /// each found. A failed rename puts the refs already renamed back.
    /// - Throws: `StoreError.refTransactionFailed`; no ref changed then.
    @discardableResult
    public consuming func commit() throws -> [RefChangeResult] {
        try prepare()
        let plan = planned ?? []
        try writeReflogs(plan)
        try renameIntoPlace(plan)
        removeDeleted(plan)
        return plan.map { RefChangeResult(name: $0.change.name, target: $0.target, old: $0.old) }
    }

    /// Releases every lock and changes nothing.
    public consuming func abort() {
        reset()
    }

    /// Releases every lock and forgets what `prepare()` found.
    mutating func reset() {
        locks.releaseAll()
        locks = LockSet()
        planned = nil
        packedSlot = nil
    }
}
