#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// Single-ref writes: each is a one-change `RefTransaction`, whose error
/// cause is thrown directly (`lockHeld`, `refChanged`, `refNameConflict`…).
extension RefStore {
    /// A new, empty transaction on this store.
    public func transaction() -> RefTransaction { RefTransaction(self) }

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
        try commitOne(RefChange(name: name, value: .id(new), expected: expected, reflog: reflog)).old
    }

    /// Updates the ref that `name` finally points at (following symrefs, so
    /// `HEAD` updates `refs/heads/main`, creating it if unborn) and writes the
    /// reflog of every ref in the chain, as git does for `HEAD`.
    /// Returns the name of the ref that was written.
    @discardableResult
    public func updateFollowingSymrefs(_ name: [UInt8], to new: ObjectID, expected: RefExpectation, reflog: ReflogEntry?) throws -> [UInt8] {
        let change = RefChange(name: name, value: .id(new), expected: expected, followsSymbolicRefs: true, reflog: reflog)
        return try commitOne(change).target
    }

    /// Makes `name` a symbolic ref to `target` (`ref: <target>`), e.g. `HEAD`
    /// on checkout. With `reflog`, logs the move from the old to the new
    /// resolved value (null ids where unborn).
    public func setSymbolic(_ name: [UInt8], target: [UInt8], reflog: ReflogEntry?) throws {
        try commitOne(RefChange(name: name, value: .symbolic(target), reflog: reflog))
    }

    /// Deletes `name` (its loose file, its `packed-refs` entry under
    /// `packed-refs.lock`, and its reflog) if its value meets `expected`.
    /// Deleting an absent ref with `.any` or `.absent` does nothing.
    public func delete(_ name: [UInt8], expected: RefExpectation) throws {
        try commitOne(RefChange(name: name, value: .deleted, expected: expected))
    }

    /// Commits a transaction of one change, throwing the cause of a failure.
    @discardableResult
    private func commitOne(_ change: RefChange) throws -> RefChangeResult {
        var transaction = RefTransaction(self)
        transaction.add(change)
        do {
            let results = try transaction.commit()
            return results.first ?? RefChangeResult(name: change.name, target: change.name, old: nil)
        } catch StoreError.refTransactionFailed(_, _, let cause) {
            throw cause
        }
    }

    /// Refuses to create `name` if a ref named like one of its parent
    /// directories exists, or refs exist below `name/`.
    func checkCreatable(_ name: [UInt8]) throws {
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

    /// Removes now-empty folders between `root/name` and `root/refs/<kind>`;
    /// like git, the first level below `refs/` (`refs/heads`) stays.
    func removeEmptyParents(of name: [UInt8], under root: String) {
        var directory = POSIX.directoryName(root + "/" + String(decoding: name, as: UTF8.self))
        let refs = root + "/refs"
        while directory.hasPrefix(refs + "/"), POSIX.directoryName(directory) != refs {
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
