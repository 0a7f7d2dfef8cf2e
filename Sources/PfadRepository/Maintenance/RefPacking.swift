import PfadObjects
import PfadStore

/// `git pack-refs --all --prune` (`Documentation/git-pack-refs.txt`): moves
/// every loose ref under `refs/` into `packed-refs`, with a `^<id>` line
/// after each ref that points at an annotated tag (the object the tag chain
/// peels to), then removes the loose files.
///
/// The locking lives in the ref store (`RefStore.packLooseRefs`): loose refs
/// are locked before they are read and stay locked until their files are
/// gone, so a ref deleted or updated meanwhile is never resurrected or
/// reverted. Symbolic refs and `HEAD` stay loose.
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
        try repository.refs.packLooseRefs(header: header) { peeled($0, repository) }
    }

    /// The non-tag object an annotated tag (chain) points at; nil for
    /// anything that is not a tag or cannot be read.
    static func peeled(_ id: ObjectID, _ repository: Repository) -> ObjectID? {
        guard (try? repository.objectType(id)) == .tag else { return nil }
        return try? repository.peel(id, to: nil)
    }
}
