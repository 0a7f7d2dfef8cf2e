extension Tag {
    /// Parses the content of a tag object. O(n).
    ///
    /// Requires git's header order (`object`, `type`, `tag`, optional
    /// `tagger`, then any other headers) so that
    /// `parse(x).serialized() == x`; throws `ObjectError` otherwise.
    public static func parse(_ content: [UInt8], algorithm: HashAlgorithm) throws -> Tag {
        let block = try HeaderBlock.parse(content, type: .tag)
        var fields = block.fields[...]
        func take(_ key: String) -> HeaderBlock.Located? {
            guard let first = fields.first, first.field.key == Array(key.utf8) else { return nil }
            fields = fields.dropFirst()
            return first
        }
        guard let objectLine = take("object") else { throw ObjectError.missingHeader(type: .tag, key: "object") }
        let object = try HeaderBlock.objectID(objectLine.field.value, type: .tag, offset: objectLine.offset, algorithm: algorithm)
        guard let typeLine = take("type") else { throw ObjectError.missingHeader(type: .tag, key: "type") }
        guard let type = ObjectType(nameBytes: typeLine.field.value) else {
            throw ObjectError.unknownObjectType(name: typeLine.field.value)
        }
        guard let nameLine = take("tag") else { throw ObjectError.missingHeader(type: .tag, key: "tag") }
        let tagger = try take("tagger").map { try Signature.parse($0.field.value) }
        return Tag(
            object: object, type: type, name: nameLine.field.value, tagger: tagger,
            extraHeaders: fields.map(\.field), message: block.message)
    }

    /// The content of the tag object. O(n).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(200 + message.count)
        ObjectHeaderField(key: Array("object".utf8), value: object.hexBytes).append(to: &out)
        ObjectHeaderField(key: Array("type".utf8), value: type.nameBytes).append(to: &out)
        ObjectHeaderField(key: Array("tag".utf8), value: name).append(to: &out)
        if let tagger {
            ObjectHeaderField(key: Array("tagger".utf8), value: tagger.serialized()).append(to: &out)
        }
        for field in extraHeaders { field.append(to: &out) }
        out.append(0x0A)
        out += message
        return out
    }
}
