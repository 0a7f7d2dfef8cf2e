/// One header of a commit or tag that has no dedicated property
/// (`encoding`, `gpgsig`, `gpgsig-sha256`, `mergetag`, unknown keys).
///
/// Multi-line values are stored with the continuation spaces removed and
/// lines joined by `\n`; `serialized()` puts the spaces back, so
/// `gpgsig` and `mergetag` round-trip exactly.
public struct ObjectHeaderField: Hashable, Sendable {
    /// The header name, e.g. `encoding`.
    public var key: [UInt8]
    /// The value, continuation lines joined with `\n`.
    public var value: [UInt8]

    /// A header field.
    public init(key: [UInt8], value: [UInt8]) {
        self.key = key
        self.value = value
    }

    /// `key SP value LF`, each `\n` inside the value followed by a space. O(n).
    public func serialized() -> [UInt8] {
        var out = key
        out.append(0x20)
        for b in value {
            out.append(b)
            if b == 0x0A { out.append(0x20) }
        }
        out.append(0x0A)
        return out
    }
}

/// The header lines and message of a commit or tag, split but not judged.
struct HeaderBlock {
    /// A field with the offset of its first line.
    struct Located {
        var field: ObjectHeaderField
        var offset: Int
    }

    var fields: [Located]
    var message: [UInt8]

    /// Splits `content` into headers and message. O(n).
    ///
    /// Throws for a header line without a terminating newline, without a
    /// space, or a continuation line before any header.
    static func parse(_ content: [UInt8], type: ObjectType) throws -> HeaderBlock {
        var fields: [Located] = []
        var i = 0
        while i < content.count {
            if content[i] == 0x0A {
                return HeaderBlock(fields: fields, message: Array(content[(i + 1)...]))
            }
            guard let end = content[i...].firstIndex(of: 0x0A) else {
                throw ObjectError.malformed(type: type, offset: i, reason: "unterminated header")
            }
            let line = content[i..<end]
            if content[i] == 0x20 {
                guard var last = fields.popLast() else {
                    throw ObjectError.malformed(type: type, offset: i, reason: "continuation line before the first header")
                }
                last.field.value.append(0x0A)
                last.field.value += line.dropFirst()
                fields.append(last)
            } else {
                guard let space = line.firstIndex(of: 0x20) else {
                    throw ObjectError.malformed(type: type, offset: i, reason: "header line without a space")
                }
                let field = ObjectHeaderField(key: Array(line[..<space]), value: Array(line[(space + 1)...]))
                fields.append(Located(field: field, offset: i))
            }
            i = end + 1
        }
        return HeaderBlock(fields: fields, message: [])
    }

    /// The id in a header value, or a thrown `badObjectID`.
    static func objectID(_ value: [UInt8], type: ObjectType, offset: Int, algorithm: HashAlgorithm) throws -> ObjectID {
        guard value.count == algorithm.hexLength, let id = ObjectID(hexBytes: value) else {
            throw ObjectError.badObjectID(type: type, offset: offset, hex: value, algorithm: algorithm)
        }
        return id
    }
}
