/// Several held locks that are finished together: each is committed
/// (renamed over its file) or released, and whatever is still held when the
/// set goes away is released, so an error anywhere leaves no `.lock` behind.
///
/// `~Copyable`, like `LockFile`, because it owns the lock files; the
/// handles inside are the same `LockHandle` that `LockFile` wraps.
struct LockSet: ~Copyable {
    private var handles: [LockHandle?] = []

    /// An empty set.
    init() {}

    /// Takes the lock for `path` (see `LockHandle.acquire`); returns its slot.
    mutating func acquire(for path: String, createDirectories: Bool = false) throws -> Int {
        handles.append(try LockHandle.acquire(for: path, createDirectories: createDirectories))
        return handles.count - 1
    }

    /// True while the lock in `slot` is held.
    func isHeld(_ slot: Int) -> Bool { handles[slot] != nil }

    /// Appends `bytes` to the lock file in `slot`.
    func write(_ bytes: [UInt8], to slot: Int) throws {
        try handles[slot]?.write(bytes)
    }

    /// Renames the lock file in `slot` over its file; the slot is then empty.
    /// On failure the lock stays held (and is released with the set).
    mutating func commit(_ slot: Int, syncDirectory: Bool = true) throws {
        guard let handle = handles[slot] else { return }
        try handle.commit(syncDirectory: syncDirectory)
        handles[slot] = nil
    }

    /// Removes the lock file in `slot` without touching its file.
    mutating func release(_ slot: Int) {
        handles[slot]?.release()
        handles[slot] = nil
    }

    /// Releases every lock still held.
    mutating func releaseAll() {
        for slot in handles.indices { release(slot) }
    }

    deinit {
        for handle in handles { handle?.release() }
    }
}
