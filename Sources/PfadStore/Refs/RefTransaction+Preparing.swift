import PfadObjects

extension RefTransaction {
    /// Locks the ref `change` writes, reads its value under the lock, checks
    /// the expectation and writes the new content into the lock file.
    mutating func lockAndVerify(_ change: RefChange, taken: Set<[UInt8]>) throws -> Planned {
        let name = change.name
        func fail(_ stage: RefTransactionStage, _ body: () throws -> Void) throws {
            do { try body() } catch let error as StoreError {
                throw StoreError.refTransactionFailed(name: name, stage: stage, cause: error)
            }
        }
        var chain = [name]
        var slot = 0
        try fail(.lock) {
            guard RefName.isStorable(name) else { throw StoreError.invalidRefName(name) }
            if case .symbolic(let target) = change.value, !RefName.isStorable(target) {
                throw StoreError.invalidRefName(target)
            }
            if change.followsSymbolicRefs { chain = try store.resolveSymbolicChain(name).chain }
        }
        let target = chain.last ?? name
        try fail(.lock) {
            if taken.contains(target) { throw StoreError.duplicateRefUpdate(name: target) }
            if change.value != .deleted, try store.read(target) == nil { try store.checkCreatable(target) }
            slot = try locks.acquire(for: store.path(of: target), createDirectories: true)
        }
        var loose: RefValue?
        var old: ObjectID?
        try fail(.verify) {
            loose = try store.readLoose(target)
            switch try loose ?? store.read(target) {
            case nil: old = nil
            case .direct(let id): old = id
            case .symbolic: old = try store.resolve(target)
            }
            try Self.check(change.expected, name: target, current: old)
        }
        try fail(.write) {
            switch change.value {
            case .id(let id): try locks.write(id.hexBytes + [0x0A], to: slot)
            case .symbolic(let to): try locks.write(RefStore.symrefPrefix + [0x20] + to + [0x0A], to: slot)
            case .deleted: break
            }
        }
        return Planned(change: change, target: target, chain: chain, slot: slot, loose: loose, old: old)
    }

    /// For a transaction with deletions, takes `packed-refs.lock` as git
    /// does (so deleters and ref packing never overlap), and if a deleted
    /// ref has a packed entry writes `packed-refs` without those entries into
    /// it; otherwise releases it again. The ref locks are already held, so no
    /// other writer can add or drop the deleted refs' entries meanwhile.
    mutating func lockPackedRefs(for plan: [Planned]) throws {
        let deleted = Set(plan.filter { $0.change.value == .deleted }.map(\.target))
        guard let first = plan.first(where: { $0.change.value == .deleted }) else { return }
        do {
            let slot = try locks.acquire(for: store.packedRefsPath)
            guard var packed = try store.readPacked(), packed.entries.contains(where: { deleted.contains($0.name) }) else {
                locks.release(slot)
                return
            }
            packedSlot = slot
            packed.entries.removeAll { deleted.contains($0.name) }
            try locks.write(packed.serialized(), to: slot)
        } catch let error as StoreError {
            throw StoreError.refTransactionFailed(name: first.change.name, stage: .lockPackedRefs, cause: error)
        }
    }

    /// Throws `refChanged` unless `current` meets `expected`.
    static func check(_ expected: RefExpectation, name: [UInt8], current: ObjectID?) throws {
        switch expected {
        case .any:
            return
        case .absent:
            if current != nil { throw StoreError.refChanged(name: name, expected: expected, actual: current) }
        case .value(let id):
            if current != id { throw StoreError.refChanged(name: name, expected: expected, actual: current) }
        }
    }
}
