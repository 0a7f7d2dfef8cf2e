/// An annotated tag object.
public struct Tag: Hashable, Sendable {
    /// The tagged object.
    public var object: ObjectID
    /// The type of the tagged object, as written in the `type` header.
    public var type: ObjectType
    /// The tag's name (`tag` header), raw bytes.
    public var name: [UInt8]
    /// The tagger; nil for very old tags written without one.
    public var tagger: Signature?
    /// Headers after `tagger` (or `tag`), in stored order.
    public var extraHeaders: [ObjectHeaderField]
    /// Everything after the blank line that ends the headers, including any
    /// inline PGP/SSH signature, raw bytes.
    public var message: [UInt8]

    /// A tag from its parts.
    public init(
        object: ObjectID, type: ObjectType, name: [UInt8], tagger: Signature?,
        extraHeaders: [ObjectHeaderField] = [], message: [UInt8]
    ) {
        self.object = object
        self.type = type
        self.name = name
        self.tagger = tagger
        self.extraHeaders = extraHeaders
        self.message = message
    }
}
