#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects
import PfadStore

/// Updates several refs all-or-nothing: every ref's `.lock` file is taken
/// and its current value compared with the expected one before any ref
/// moves; then the lock files are fsynced and renamed one by one (each
/// directory fsynced). If a rename fails, refs already moved are put back
/// to their old values. Deletes also rewrite `packed-refs` under its lock.
/// Used with one ref for git's non-atomic pushes and with all refs for
/// `--atomic`.
struct RefUpdateBatch {
    /// One planned update; `new` nil deletes.
    struct Update {
        var name: [UInt8]
        var expected: ObjectID?
        var new: ObjectID?
    }

    let refs: RefStore
    /// The reflog identity line (`Name <email> time zone`); nil: no reflog.
    let committer: [UInt8]?
    let message: [UInt8]

    /// Why a batch failed (the `ng` reason and a one-line detail).
    struct Failure: Error {
        var name: [UInt8]
        var reason: String
        var detail: String
    }

    /// Applies `updates`.
    /// - Throws: `Failure` naming the first ref that could not be locked
    ///   or no longer has its expected value; nothing changed then.
    func apply(_ updates: [Update]) throws {
        var locks: [RefLock] = []
        defer { for lock in locks { lock.release() } }
        var packedLock: RefLock?
        defer { packedLock?.release() }
        for update in updates {
            let path = refs.path(of: update.name)
            let lock: RefLock
            do {
                lock = try RefLock(path: path)
            } catch let error as TransportError {
                throw Failure(name: update.name, reason: "failed to lock", detail: "cannot lock ref '\(display(update.name))': \(error)")
            }
            locks.append(lock)
            let current = try? refs.resolve(update.name)
            guard current == update.expected else {
                throw Failure(
                    name: update.name, reason: "stale info",
                    detail: "cannot lock ref '\(display(update.name))': is at \(current?.hex ?? "nothing") but expected \(update.expected?.hex ?? "nothing")")
            }
            if let new = update.new {
                try lock.write(new.hexBytes + [0x0A])
            }
        }
        let deletes = updates.filter { $0.new == nil }.map(\.name)
        var packed: PackedRefs?
        if !deletes.isEmpty, let existing = try? refs.readPacked(), existing.entries.contains(where: { deletes.contains($0.name) }) {
            let lock: RefLock
            do {
                lock = try RefLock(path: refs.gitDirectory + "/packed-refs")
            } catch {
                throw Failure(name: deletes[0], reason: "failed to lock", detail: "cannot lock packed-refs: \(error)")
            }
            packedLock = lock
            var fresh = (try? refs.readPacked()) ?? existing
            fresh.entries.removeAll { deletes.contains($0.name) }
            packed = fresh
            try lock.write(fresh.serialized())
        }
        // Point of no return: commit, undoing on failure.
        var done: [Update] = []
        do {
            if let packedLock, packed != nil { try packedLock.commit() }
            for (update, lock) in zip(updates, locks) {
                if update.new != nil {
                    try lock.commit()
                } else {
                    lock.release()
                    unlink(refs.path(of: update.name))
                    unlink(refs.reflogPath(of: update.name))
                    removeEmptyParents(of: update.name)
                }
                done.append(update)
            }
        } catch {
            for update in done.reversed() { restore(update) }
            throw Failure(name: updates[done.count].name, reason: "failed to update ref", detail: "\(error)")
        }
        if let committer {
            for update in updates {
                guard let new = update.new, refs.shouldLog(update.name) else { continue }
                let entry = ReflogEntry(old: update.expected ?? refs.algorithm.nullID, new: new, committer: committer, message: message)
                try? refs.appendReflog(update.name, entry)
            }
        }
    }

    /// Puts a committed update back (best effort, after a failed batch).
    private func restore(_ update: Update) {
        if let old = update.expected {
            _ = try? refs.update(update.name, to: old, expected: .any, reflog: nil)
        } else {
            try? refs.delete(update.name, expected: .any)
        }
    }

    private func removeEmptyParents(of name: [UInt8]) {
        var path = refs.path(of: name)
        let stop = refs.gitDirectory + "/refs"
        while let slash = path.lastIndex(of: "/") {
            path = String(path[..<slash])
            guard path.count > stop.count, rmdir(path) == 0 else { return }
        }
    }

    private func display(_ name: [UInt8]) -> String { String(decoding: name, as: UTF8.self) }
}

/// git's lock-file protocol for one file, as a class so that a batch can
/// hold many: `path.lock` created exclusively, written, fsynced and
/// renamed over `path` (then the directory fsynced), or removed.
final class RefLock {
    let path: String
    let lockPath: String
    private var fd: Int32
    private var finished = false

    /// Takes the lock, creating missing parent directories.
    /// - Throws: `TransportError.io` (`EEXIST` when another writer holds it).
    init(path: String) throws {
        self.path = path
        self.lockPath = path + ".lock"
        var fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 && errno == ENOENT {
            Self.makeParents(of: path)
            fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw TransportError.io(operation: "create \(lockPath)", errno: errno) }
        self.fd = fd
    }

    deinit { release() }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let n = systemWrite(fd, all.baseAddress.map { $0 + offset }, all.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw TransportError.io(operation: "write \(lockPath)", errno: errno)
                }
                offset += n
            }
        }
    }

    /// fsyncs, renames over `path`, fsyncs the directory.
    func commit() throws {
        guard !finished else { return }
        guard fsync(fd) == 0 else { throw TransportError.io(operation: "fsync \(lockPath)", errno: errno) }
        close(fd)
        fd = -1
        guard rename(lockPath, path) == 0 else { throw TransportError.io(operation: "rename \(lockPath)", errno: errno) }
        finished = true
        if let slash = path.lastIndex(of: "/") {
            let directory = open(String(path[..<slash]), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        }
    }

    /// Removes the lock file without touching `path`.
    func release() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd) }
        unlink(lockPath)
    }

    private static func makeParents(of path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = path[..<slash]
        var index = directory.startIndex
        while index < directory.endIndex {
            let next = directory[directory.index(after: index)...].firstIndex(of: "/") ?? directory.endIndex
            mkdir(String(directory[..<next]), 0o777)
            index = next
        }
    }
}

/// `write(2)`, out of the way of `RefLock.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
