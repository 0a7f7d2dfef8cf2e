extension FrontMatter {
    /// A copy with `key` set to `value`: an existing key's lines are
    /// replaced in place (its trailing blank and comment lines stay), a new
    /// key is appended after the last one. Every other line is kept byte
    /// for byte. O(n) in the number of keys.
    ///
    /// Throws `GuideError.unwritableKey` for a key that is not a plain
    /// word (letters, digits, `_`, `-`, starting with a letter), and
    /// `GuideError.wrongValueType` when a known key gets the wrong shape.
    public func setting(_ key: String, to value: FrontMatterValue) throws -> FrontMatter {
        guard YAMLWriter.isPlainKey(key) else { throw GuideError.unwritableKey(key) }
        var copy = self
        let index = copy.entries.firstIndex { $0.key == key }
        try Self.checkShape(key: key, value: value, line: index.map { copy.entries[$0].line } ?? 0)
        let source = YAMLWriter.entry(key: key, value: value)
        if let index {
            copy.entries[index].value = value
            copy.entries[index].source = source
        } else {
            copy.entries.append(FrontMatterEntry(key: key, value: value, line: 0, source: source))
        }
        copy.renumber()
        return copy
    }

    /// A copy with `key` set to the string `value`.
    public func setting(_ key: String, to value: String) throws -> FrontMatter {
        try setting(key, to: .string(value))
    }

    /// A copy without `key`'s lines (its trailing blank and comment lines
    /// stay, joined to the entry before); unchanged when `key` is absent.
    public func removing(_ key: String) -> FrontMatter {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return self }
        var copy = self
        let trailing = copy.entries[index].trailing
        copy.entries.remove(at: index)
        if index > 0 {
            copy.entries[index - 1].trailing += trailing
        } else {
            copy.leading += trailing
        }
        copy.renumber()
        return copy
    }

    /// Recomputes each entry's line after an edit.
    private mutating func renumber() {
        func newlines(_ bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
        var line = 1 + newlines(opening) + newlines(leading)
        for index in entries.indices {
            entries[index].line = line
            line += newlines(entries[index].source) + newlines(entries[index].trailing)
        }
    }
}
