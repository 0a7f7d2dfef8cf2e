import PfadObjects

/// An object as stored: its type and its content bytes (without the header).
public struct RawObject: Sendable, Hashable {
    /// blob, tree, commit or tag.
    public var type: ObjectType
    /// The content, exactly as hashed after the `"<type> <size>\0"` header.
    public var content: [UInt8]

    /// An object from its type and content.
    public init(type: ObjectType, content: [UInt8]) {
        self.type = type
        self.content = content
    }
}
