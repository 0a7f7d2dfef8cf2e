/// What a push may do, checked by `ReceivePack` before any ref moves. The
/// server (`pfad serve`) builds one per request from its configuration and
/// the authenticated user; `pfad receive-pack` from the repository's config
/// (`receive.denyNonFastForwards`, `receive.denyDeletes`,
/// `receive.fsckObjects`).
public struct ReceivePolicy: Sendable {
    /// Allow updates that are not fast-forwards (a forced push).
    public var allowNonFastForward = true
    /// Allow deleting refs.
    public var allowDeletes = true
    /// Check every received object like `git fsck` (always on for the server).
    public var checkObjects = true
    /// Refuse packs with more objects than this.
    public var maximumObjects: Int?
    /// Refuse packs larger than this many bytes.
    public var maximumPackBytes: Int?
    /// Apply every push all-or-nothing, as if the client had asked for
    /// `atomic`: one refused ref refuses the others (`atomic push failure`).
    /// `pfad serve` sets it; `git receive-pack` (and `pfad receive-pack`)
    /// update the acceptable refs of a non-atomic push.
    public var alwaysAtomic = false
    /// Which refs the pusher may create, update or delete (full names such
    /// as `refs/heads/arnsberg/x`); everything by default.
    public var mayUpdate: @Sendable ([UInt8]) -> Bool = { _ in true }

    /// The permissive default of a local `git receive-pack`.
    public init() {}
}
