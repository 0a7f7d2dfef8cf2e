extension Commit {
    /// Parses the content of a commit object. O(n).
    ///
    /// Requires git's header order (`tree`, `parent`*, `author`,
    /// `committer`, then any other headers) so that
    /// `parse(x).serialized() == x`; throws `ObjectError` otherwise.
    public static func parse(_ content: [UInt8], algorithm: HashAlgorithm) throws -> Commit {
        let block = try HeaderBlock.parse(content, type: .commit)
        var fields = block.fields[...]
        func take(_ key: String) -> HeaderBlock.Located? {
            guard let first = fields.first, first.field.key == Array(key.utf8) else { return nil }
            fields = fields.dropFirst()
            return first
        }
        guard let treeLine = take("tree") else { throw ObjectError.missingHeader(type: .commit, key: "tree") }
        let tree = try HeaderBlock.objectID(treeLine.field.value, type: .commit, offset: treeLine.offset, algorithm: algorithm)
        var parents: [ObjectID] = []
        while let parentLine = take("parent") {
            parents.append(try HeaderBlock.objectID(parentLine.field.value, type: .commit, offset: parentLine.offset, algorithm: algorithm))
        }
        guard let authorLine = take("author") else { throw ObjectError.missingHeader(type: .commit, key: "author") }
        let author = try Signature.parse(authorLine.field.value)
        guard let committerLine = take("committer") else { throw ObjectError.missingHeader(type: .commit, key: "committer") }
        let committer = try Signature.parse(committerLine.field.value)
        return Commit(
            tree: tree, parents: parents, author: author, committer: committer,
            extraHeaders: fields.map(\.field), message: block.message)
    }

    /// The content of the commit object. O(n).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + message.count)
        ObjectHeaderField(key: Array("tree".utf8), value: tree.hexBytes).append(to: &out)
        for parent in parents {
            ObjectHeaderField(key: Array("parent".utf8), value: parent.hexBytes).append(to: &out)
        }
        ObjectHeaderField(key: Array("author".utf8), value: author.serialized()).append(to: &out)
        ObjectHeaderField(key: Array("committer".utf8), value: committer.serialized()).append(to: &out)
        for field in extraHeaders { field.append(to: &out) }
        out.append(0x0A)
        out += message
        return out
    }
}

extension ObjectHeaderField {
    /// Appends `serialized()` to `out`.
    func append(to out: inout [UInt8]) {
        out += serialized()
    }
}
