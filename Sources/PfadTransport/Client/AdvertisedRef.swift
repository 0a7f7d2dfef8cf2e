import PfadObjects

/// One ref as a server announces it: in a v0 ref advertisement
/// (`Documentation/gitprotocol-pack.txt`, "Reference Discovery") or a v2
/// `ls-refs` answer (`Documentation/gitprotocol-v2.txt`, "ls-refs").
public struct AdvertisedRef: Sendable, Hashable {
    /// The full ref name (`refs/heads/main`, `HEAD`).
    public var name: [UInt8]
    /// What the ref points at; `nil` for an unborn `HEAD` (v2 `unborn`).
    public var id: ObjectID?
    /// For a symbolic ref, its target (`symref-target:` / v0 `symref=`).
    public var symrefTarget: [UInt8]?
    /// For an annotated tag, the object it peels to (`peeled:` / `^{}`).
    public var peeled: ObjectID?

    /// A ref from its parts.
    public init(name: [UInt8], id: ObjectID?, symrefTarget: [UInt8]? = nil, peeled: ObjectID? = nil) {
        self.name = name
        self.id = id
        self.symrefTarget = symrefTarget
        self.peeled = peeled
    }

    /// The name as text.
    public var nameText: String { String(decoding: name, as: UTF8.self) }
}
