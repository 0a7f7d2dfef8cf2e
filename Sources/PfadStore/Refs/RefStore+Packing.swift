import PfadObjects

extension RefStore {
    /// `git pack-refs --all --prune`: moves every loose ref under `refs/`
    /// that holds an id into `packed-refs` (with `header` as its first line
    /// and `peel(id)` as the `^` line), then removes the loose files.
    /// Returns how many loose refs were packed.
    ///
    /// Every loose ref is locked (`<ref>.lock`) before its value is read, and
    /// `packed-refs.lock` is held from the read of `packed-refs` to its
    /// rename; loose files are removed before their locks are released. So a
    /// ref that another transaction deletes or updates meanwhile is either
    /// left alone (its lock was held: it stays loose and is not packed) or
    /// the other writer fails on the lock — it is never resurrected or
    /// reverted. `peel` runs while the locks are held. Symbolic refs stay
    /// loose. I/O: one read per loose ref, one `packed-refs` write.
    /// - Throws: `StoreError.lockHeld` if `packed-refs.lock` exists, errors
    ///   of `peel`, `StoreError` for damaged refs or I/O failures; then
    ///   nothing changed and no lock is left.
    @discardableResult
    public func packLooseRefs(header: [UInt8]?, peel: (ObjectID) throws -> ObjectID?) throws -> Int {
        var names: [[UInt8]] = []
        try collectLoose(Array("refs".utf8), into: &names)
        names = names.filter { RefName.isValid($0) }.sorted { $0.lexicographicallyPrecedes($1) }
        var locks = LockSet()
        var held: [(name: [UInt8], slot: Int)] = []
        for name in names {
            do {
                held.append((name, try locks.acquire(for: path(of: name))))
            } catch StoreError.lockHeld {
                continue  // another writer is changing it: leave it loose
            }
        }
        let packedSlot = try locks.acquire(for: packedRefsPath)
        var entries: [[UInt8]: PackedRefs.Entry] = [:]
        let existing = try readPacked()
        for entry in existing?.entries ?? [] { entries[entry.name] = entry }
        var packed: [(name: [UInt8], slot: Int)] = []
        for ref in held {
            // Read under the lock: a ref deleted since the listing is gone now.
            guard case .direct(let id)? = try readLoose(ref.name) else { continue }
            entries[ref.name] = PackedRefs.Entry(name: ref.name, id: id)
            packed.append(ref)
        }
        for (name, entry) in entries { entries[name]?.peeled = try peel(entry.id) }
        let file = PackedRefs(header: header ?? existing?.header, entries: Array(entries.values))
        try locks.write(file.serialized(), to: packedSlot)
        try locks.commit(packedSlot)
        for ref in packed {
            try POSIX.removeFile(path(of: ref.name))
            locks.release(ref.slot)
            removeEmptyParents(of: ref.name, under: gitDirectory)
        }
        return packed.count
    }
}
