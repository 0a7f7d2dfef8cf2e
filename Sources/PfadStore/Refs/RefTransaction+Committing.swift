import PfadObjects

extension RefTransaction {
    /// Appends the reflog lines of every update while the locks are held:
    /// the written ref, the symrefs followed to it, and `HEAD` when it points
    /// at the written branch (git logs both), each if `shouldLog` allows.
    func writeReflogs(_ plan: [Planned]) throws {
        for item in plan {
            guard var entry = item.change.reflog else { continue }
            entry.old = item.old ?? store.algorithm.nullID
            switch item.change.value {
            case .deleted:
                continue
            case .id(let id):
                entry.new = id
            case .symbolic(let to):
                entry.new = (try? store.resolve(to)) ?? store.algorithm.nullID
            }
            var names = [item.target] + item.chain.dropLast()
            if case .id = item.change.value, !names.contains(RefStore.head),
                (try? store.readLoose(RefStore.head)) == .symbolic(item.target)
            {
                names.append(RefStore.head)
            }
            do {
                for name in names where store.shouldLog(name) { try store.appendReflog(name, entry) }
            } catch let error as StoreError {
                throw StoreError.refTransactionFailed(name: item.change.name, stage: .write, cause: error)
            }
        }
    }

    /// Renames the lock files of updates over their refs, then commits
    /// `packed-refs`; on failure puts the refs already renamed back (best
    /// effort) and releases the rest.
    mutating func renameIntoPlace(_ plan: [Planned]) throws {
        var done: [Planned] = []
        do {
            for item in plan where item.change.value != .deleted {
                do { try locks.commit(item.slot) } catch let error as StoreError {
                    throw StoreError.refTransactionFailed(name: item.change.name, stage: .write, cause: error)
                }
                done.append(item)
            }
            if let packedSlot {
                do { try locks.commit(packedSlot) } catch let error as StoreError {
                    let name = plan.first { $0.change.value == .deleted }?.change.name ?? []
                    throw StoreError.refTransactionFailed(name: name, stage: .write, cause: error)
                }
            }
        } catch {
            for item in done.reversed() { restore(item) }
            reset()
            throw error
        }
    }

    /// Removes deleted refs' loose files and reflogs under their locks, then
    /// the locks and the folders left empty (git keeps `refs/<kind>/`).
    mutating func removeDeleted(_ plan: [Planned]) {
        for item in plan where item.change.value == .deleted {
            if item.loose != nil { try? POSIX.removeFile(store.path(of: item.target)) }
            try? POSIX.removeFile(store.reflogPath(of: item.target))
            locks.release(item.slot)
            store.removeEmptyParents(of: item.target, under: store.gitDirectory)
            store.removeEmptyParents(of: item.target, under: store.gitDirectory + "/logs")
        }
        reset()
    }

    /// Writes a renamed ref's old loose content back, or removes the loose
    /// file if there was none (its packed value, if any, shows again).
    private func restore(_ item: Planned) {
        let path = store.path(of: item.target)
        guard let loose = item.loose else {
            try? POSIX.removeFile(path)
            return
        }
        let content: [UInt8]
        switch loose {
        case .direct(let id): content = id.hexBytes + [0x0A]
        case .symbolic(let to): content = RefStore.symrefPrefix + [0x20] + to + [0x0A]
        }
        do {
            let lock = try LockFile.acquire(for: path)
            try lock.write(content)
            try lock.commit()
        } catch {
            // Best effort: the ref keeps the new value.
        }
    }
}
