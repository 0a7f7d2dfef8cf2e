import PfadObjects

/// One object to be written into a pack: whole, or as a delta against
/// another entry of the same list.
public struct PackEntry: Sendable {
    /// The object's name.
    public var id: ObjectID
    /// The object's type (a delta entry still records the type it rebuilds).
    public var type: ObjectType
    /// The object's content (needed whole only when `delta` is nil).
    public var content: [UInt8]
    /// The delta choice, if the object is stored as a delta.
    public var delta: DeltaChoice?
    /// The entry's data already compressed (copied from a pack): written as
    /// it is instead of compressing `content` or the delta. It must be of
    /// the same form: a stored delta exactly when `delta` is set (whose
    /// `delta` bytes may then be empty), a whole object otherwise.
    public var stored: StoredEntry?
    /// For a thin pack: the entry is the stored delta `stored` against this
    /// object, which is not in the pack (the receiver has it), written as a
    /// `REF_DELTA`. `delta` must be nil then.
    public var externalBase: ObjectID?

    /// An entry stored whole unless `delta` is given.
    public init(
        id: ObjectID, type: ObjectType, content: [UInt8], delta: DeltaChoice? = nil, stored: StoredEntry? = nil,
        externalBase: ObjectID? = nil
    ) {
        self.id = id
        self.type = type
        self.content = content
        self.delta = delta
        self.stored = stored
        self.externalBase = externalBase
    }
}

/// A delta chosen for an object: which entry it is based on and the
/// instructions (`DeltaEncoder` format) that rebuild the object from it.
public struct DeltaChoice: Sendable, Hashable {
    /// Index of the base in the same entry list.
    public var base: Int
    /// The delta bytes.
    public var delta: [UInt8]
    /// Length of the chain below this object (1 = the base is stored whole).
    public var depth: Int

    /// A choice from its parts.
    public init(base: Int, delta: [UInt8], depth: Int) {
        self.base = base
        self.delta = delta
        self.depth = depth
    }
}
