#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

extension RefStore {
    /// Points `name` itself (no symref following) at `new` if its current
    /// value meets `expected` — a compare-and-swap under `<name>.lock`.
    ///
    /// Throws `StoreError.lockHeld` if another writer holds the lock,
    /// `refChanged` if the value differs from `expected`, `refNameConflict`
    /// for directory/file clashes (`refs/heads/a` vs `refs/heads/a/b`). If
    /// `reflog` is given and the policy allows, a reflog line is appended with
    /// the old and new values seen under the lock (its `old`/`new` fields are
    /// replaced). Returns the previous id (nil if the ref was created).
    /// Like git, when `name` is the branch `HEAD` points at, `HEAD`'s reflog
    /// gets the same line.
    @discardableResult
    public func update(_ name: [UInt8], to new: ObjectID, expected: RefExpectation, reflog: ReflogEntry?) throws -> ObjectID? {
        try update(name, to: new, expected: expected, reflog: reflog, logHead: true)
    }

    func update(_ name: [UInt8], to new: ObjectID, expected: RefExpectation, reflog: ReflogEntry?, logHead: Bool) throws -> ObjectID? {
        guard RefName.isStorable(name) else { throw StoreError.invalidRefName(name) }
        let before = try read(name)
        if before == nil { try checkCreatable(name) }
        let lock = try LockFile.acquire(for: path(of: name), createDirectories: true)
        let current = try currentID(of: name)
        try check(expected, name: name, current: current)
        try lock.write(new.hexBytes + [0x0A])
        if var entry = reflog {
            entry.old = current ?? algorithm.nullID
            entry.new = new
            if shouldLog(name) { try appendReflog(name, entry) }
            let head = Self.head
            if logHead, name != head, shouldLog(head), try readLoose(head) == .symbolic(name) {
                try appendReflog(head, entry)
            }
        }
        try lock.commit()
        return current
    }

    /// Updates the ref that `name` finally points at (following symrefs, so
    /// `HEAD` updates `refs/heads/main`, creating it if unborn) and writes the
    /// reflog of every ref in the chain, as git does for `HEAD`.
    /// Returns the name of the ref that was written.
    @discardableResult
    public func updateFollowingSymrefs(_ name: [UInt8], to new: ObjectID, expected: RefExpectation, reflog: ReflogEntry?) throws -> [UInt8] {
        let chain = try resolveSymbolicChain(name).chain
        let target = chain.last ?? name
        let old = try update(target, to: new, expected: expected, reflog: reflog, logHead: false)
        if var entry = reflog {
            entry.old = old ?? algorithm.nullID
            entry.new = new
            for symref in chain.dropLast() where shouldLog(symref) {
                try appendReflog(symref, entry)
            }
        }
        return target
    }

    /// Makes `name` a symbolic ref to `target` (`ref: <target>`), e.g. `HEAD`
    /// on checkout. With `reflog`, logs the move from the old to the new
    /// resolved value (null ids where unborn).
    public func setSymbolic(_ name: [UInt8], target: [UInt8], reflog: ReflogEntry?) throws {
        guard RefName.isStorable(name) else { throw StoreError.invalidRefName(name) }
        guard RefName.isStorable(target) else { throw StoreError.invalidRefName(target) }
        if try read(name) == nil { try checkCreatable(name) }
        let lock = try LockFile.acquire(for: path(of: name), createDirectories: true)
        let old = try? resolve(name)
        try lock.write(Self.symrefPrefix + [0x20] + target + [0x0A])
        if var entry = reflog, shouldLog(name) {
            entry.old = old ?? algorithm.nullID
            entry.new = (try? resolve(target)) ?? algorithm.nullID
            try appendReflog(name, entry)
        }
        try lock.commit()
    }

    /// Deletes `name` (its loose file, its `packed-refs` entry under
    /// `packed-refs.lock`, and its reflog) if its value meets `expected`.
    /// Deleting an absent ref with `.any` or `.absent` does nothing.
    public func delete(_ name: [UInt8], expected: RefExpectation) throws {
        guard RefName.isStorable(name) else { throw StoreError.invalidRefName(name) }
        let loosePath = path(of: name)
        let lock = try LockFile.acquire(for: loosePath, createDirectories: true)
        let current = try currentID(of: name)
        if current == nil, try readLoose(name) == nil {
            if case .value = expected { try check(expected, name: name, current: nil) }
            lock.rollback()
            removeEmptyParents(of: name, under: gitDirectory)
            return
        }
        try check(expected, name: name, current: current)
        if let packed = try readPacked(), packed.entry(named: name) != nil {
            let packedLock = try LockFile.acquire(for: packedRefsPath)
            var fresh = try readPacked() ?? packed
            fresh.entries.removeAll { $0.name == name }
            try packedLock.write(fresh.serialized())
            try packedLock.commit()
        }
        try POSIX.removeFile(loosePath)
        try POSIX.removeFile(reflogPath(of: name))
        lock.rollback()
        removeEmptyParents(of: name, under: gitDirectory)
        removeEmptyParents(of: name, under: gitDirectory + "/logs")
    }

    /// The id `name` holds now (following a symref if it is one).
    private func currentID(of name: [UInt8]) throws -> ObjectID? {
        switch try read(name) {
        case nil: return nil
        case .direct(let id): return id
        case .symbolic: return try resolve(name)
        }
    }

    private func check(_ expected: RefExpectation, name: [UInt8], current: ObjectID?) throws {
        switch expected {
        case .any:
            return
        case .absent:
            if current != nil { throw StoreError.refChanged(name: name, expected: expected, actual: current) }
        case .value(let id):
            if current != id { throw StoreError.refChanged(name: name, expected: expected, actual: current) }
        }
    }

    /// Refuses to create `name` if a ref named like one of its parent
    /// directories exists, or refs exist below `name/`.
    private func checkCreatable(_ name: [UInt8]) throws {
        var index = name.startIndex
        while let slash = name[index...].firstIndex(of: 0x2F) {
            let parent = Array(name[..<slash])
            if parent.count > 4, try read(parent) != nil {
                throw StoreError.refNameConflict(name: name, existing: parent)
            }
            index = slash + 1
        }
        if let below = try entries(prefix: name + [0x2F]).first {
            throw StoreError.refNameConflict(name: name, existing: below.name)
        }
        // An empty directory left where the file must go: remove it.
        let file = path(of: name)
        if POSIX.isDirectory(file) { removeEmptyDirectories(file) }
    }

    /// Removes now-empty directories between `root/name` and `root/refs`.
    func removeEmptyParents(of name: [UInt8], under root: String) {
        var directory = POSIX.directoryName(root + "/" + String(decoding: name, as: UTF8.self))
        let stop = root + "/refs"
        while directory.count > stop.count, directory.hasPrefix(stop + "/") {
            if rmdir(directory) != 0 { return }
            directory = POSIX.directoryName(directory)
        }
    }

    private func removeEmptyDirectories(_ path: String) {
        if let entries = try? POSIX.listDirectory(path) {
            for entry in entries where entry.isDirectory != false {
                removeEmptyDirectories(path + "/" + String(decoding: entry.name, as: UTF8.self))
            }
        }
        rmdir(path)
    }
}
