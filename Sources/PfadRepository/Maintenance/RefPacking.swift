import Foundation
import PfadObjects
import PfadStore

/// `git pack-refs --all --prune` (`Documentation/git-pack-refs.txt`): moves
/// every loose ref under `refs/` into `packed-refs`, with a `^<id>` line
/// after each ref that points at an annotated tag (the object the tag chain
/// peels to), then removes the loose files.
///
/// `packed-refs` is written under `packed-refs.lock` (fsync, rename). A loose
/// ref is removed under its own `<ref>.lock` and only if it still holds the
/// value that was packed; a ref updated meanwhile stays loose and wins.
/// Symbolic refs and `HEAD` stay loose.
public enum RefPacking {
    /// The header git 2.39 writes.
    public static let header = Array("# pack-refs with: peeled fully-peeled sorted ".utf8)

    /// Packs all refs of `repository`; returns how many loose refs were
    /// packed. I/O: reads every loose ref and the tags they point at,
    /// writes `packed-refs` once, unlinks the loose files.
    /// - Throws: `StoreError.lockHeld` if `packed-refs.lock` exists,
    ///   `StoreError` for damaged refs or I/O failures.
    @discardableResult
    public static func packAll(_ repository: Repository) throws -> Int {
        let refs = repository.refs
        let loose = try looseRefs(repository)
        var entries: [[UInt8]: PackedRefs.Entry] = [:]
        for entry in try refs.readPacked()?.entries ?? [] { entries[entry.name] = entry }
        for (name, id) in loose { entries[name] = PackedRefs.Entry(name: name, id: id) }
        for (name, entry) in entries {
            entries[name]?.peeled = peeled(entry.id, repository)
        }
        let packed = PackedRefs(header: header, entries: Array(entries.values))
        let packedPath = repository.gitDirectory + "/packed-refs"
        let lock = try LockFile.acquire(for: packedPath)
        try lock.write(packed.serialized())
        try lock.commit()

        var count = 0
        for (name, id) in loose {
            let path = refs.path(of: name)
            guard let refLock = try? LockFile.acquire(for: path) else { continue }
            if case .direct(let current)? = try? refs.read(name), current == id, FileManager.default.fileExists(atPath: path) {
                unlink(path)
                count += 1
            }
            refLock.rollback()
            removeEmptyParents(of: path, above: repository.gitDirectory + "/refs")
        }
        return count
    }

    /// The loose refs under `refs/` that hold an id (symbolic ones skipped),
    /// sorted by name.
    static func looseRefs(_ repository: Repository) throws -> [([UInt8], ObjectID)] {
        let root = repository.gitDirectory + "/refs"
        var found: [([UInt8], ObjectID)] = []
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasSuffix(".lock") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    stack.append(child)
                    continue
                }
                let refName = Array(("refs/" + child).utf8)
                guard RefName.isValid(refName, allowOneLevel: false) else { continue }
                if case .direct(let id)? = try repository.refs.read(refName) { found.append((refName, id)) }
            }
        }
        return found.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    }

    /// The non-tag object an annotated tag (chain) points at; nil for
    /// anything that is not a tag or cannot be read.
    static func peeled(_ id: ObjectID, _ repository: Repository) -> ObjectID? {
        guard (try? repository.objectType(id)) == .tag else { return nil }
        return try? repository.peel(id, to: nil)
    }

    /// Removes now-empty folders between `path` and `stop`, keeping the
    /// first level below `stop` (`refs/heads`, `refs/tags`) as git does.
    static func removeEmptyParents(of path: String, above stop: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while folder.hasPrefix(stop + "/"), (folder as NSString).deletingLastPathComponent != stop {
            guard rmdir(folder) == 0 else { return }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}
