extension Config {
    /// Sets `key` to `value` as `git config key value` does: replaces the last
    /// existing value, else adds the variable after the last one of the last
    /// matching section, else appends a new section. New lines are written
    /// `\tname = value` with git's quoting; names keep the caller's spelling.
    /// Throws `invalidConfigKey` for malformed keys.
    public mutating func set(_ key: String, _ value: String) throws {
        let parsed = try Self.parseKey(key)
        let line = Self.formatEntry(parsed, value: Array(value.utf8))
        if let last = chunks.lastIndex(where: { Self.isEntry($0, of: parsed) }) {
            chunks[last] = line
            return
        }
        insert(line, for: parsed)
    }

    /// Adds another value for `key` (multi-valued keys, `git config --add`).
    public mutating func add(_ key: String, _ value: String) throws {
        let parsed = try Self.parseKey(key)
        insert(Self.formatEntry(parsed, value: Array(value.utf8)), for: parsed)
    }

    /// Removes every value of `key` (`git config --unset-all`); returns how
    /// many were removed. As git 2.39 does, a removed variable that was all
    /// its section held (its header, without a comment, right before it;
    /// only blank lines after it up to the next section or the end) takes
    /// the header and those blank lines with it; other headers stay.
    @discardableResult
    public mutating func unset(_ key: String) throws -> Int {
        let parsed = try Self.parseKey(key)
        var doomed = Set<Int>()
        var removed = 0
        for (index, chunk) in chunks.enumerated() where Self.isEntry(chunk, of: parsed) {
            doomed.insert(index)
            removed += 1
            guard index > 0, case .section = chunks[index - 1].kind, Self.isBareHeader(chunks[index - 1].raw) else { continue }
            var next = index + 1
            while next < chunks.count, Self.isBlank(chunks[next]) { next += 1 }
            let sectionEnds: Bool
            if next == chunks.count {
                sectionEnds = true
            } else if case .section = chunks[next].kind {
                sectionEnds = true
            } else {
                sectionEnds = false
            }
            if sectionEnds { doomed.formUnion((index - 1)..<next) }
        }
        chunks = chunks.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
        return removed
    }

    /// A section header line with nothing after its `]` but blanks.
    private static func isBareHeader(_ raw: [UInt8]) -> Bool {
        let trimmed = raw.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return trimmed.first == 0x5D
    }

    /// A line holding only blanks.
    private static func isBlank(_ chunk: ConfigChunk) -> Bool {
        guard case .other = chunk.kind else { return false }
        return chunk.raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Removes every `[section "subsection"]` block with its entries and
    /// comments (`git config --remove-section`, `git remote remove`);
    /// returns how many blocks were removed. `section` is case-insensitive,
    /// `subsection` exact.
    @discardableResult
    public mutating func removeSection(_ section: String, subsection: String?) -> Int {
        let name = ConfigKey.lower(Array(section.utf8))
        let sub = subsection.map { Array($0.utf8) }
        var removed = 0
        var inside = false
        var kept: [ConfigChunk] = []
        for chunk in chunks {
            if case let .section(chunkName, chunkSub) = chunk.kind {
                inside = chunkName == name && chunkSub == sub
                if inside { removed += 1 }
            }
            if !inside { kept.append(chunk) }
        }
        chunks = kept
        return removed
    }

    private mutating func insert(_ line: ConfigChunk, for key: ConfigKey) {
        let sectionName = ConfigKey.lower(key.section)
        if let header = chunks.lastIndex(where: { $0.kind == .section(name: sectionName, subsection: key.subsection) }) {
            var position = header
            var index = header + 1
            while index < chunks.count {
                if case .section = chunks[index].kind { break }
                if case .entry = chunks[index].kind { position = index }
                index += 1
            }
            terminateLine(at: position)
            chunks.insert(line, at: position + 1)
            return
        }
        if let last = chunks.indices.last { terminateLine(at: last) }
        var header: [UInt8] = [0x5B] + key.section
        if let subsection = key.subsection {
            header += [0x20, 0x22]
            for byte in subsection {
                if byte == 0x22 || byte == 0x5C { header.append(0x5C) }
                header.append(byte)
            }
            header.append(0x22)
        }
        header += [0x5D, 0x0A]
        chunks.append(ConfigChunk(raw: header, kind: .section(name: sectionName, subsection: key.subsection)))
        chunks.append(line)
    }

    /// Ensures the chunk at `index` ends with a newline before something is put after it.
    private mutating func terminateLine(at index: Int) {
        if let last = chunks[index].raw.last, last != 0x0A { chunks[index].raw.append(0x0A) }
    }

    static func parseKey(_ key: String) throws -> ConfigKey {
        guard let parsed = ConfigKey(key) else { throw StoreError.invalidConfigKey(key) }
        return parsed
    }

    static func isEntry(_ chunk: ConfigChunk, of key: ConfigKey) -> Bool {
        guard case let .entry(section, subsection, name, _) = chunk.kind else { return false }
        return key.matches(section: section, subsection: subsection, name: name)
    }

    /// `\tname = value\n`, quoting the value if it has leading/trailing blanks
    /// or `#`/`;`, and escaping `"`, `\`, newline, tab and backspace.
    static func formatEntry(_ key: ConfigKey, value: [UInt8]) -> ConfigChunk {
        var raw: [UInt8] = [0x09] + key.name + [0x20, 0x3D, 0x20]
        let needsQuotes =
            value.first == 0x20 || value.first == 0x09 || value.last == 0x20 || value.last == 0x09
            || value.contains(0x23) || value.contains(0x3B)
        if needsQuotes { raw.append(0x22) }
        for byte in value {
            switch byte {
            case 0x0A: raw += [0x5C, 0x6E]
            case 0x09: raw += [0x5C, 0x74]
            case 0x08: raw += [0x5C, 0x62]
            case 0x22, 0x5C: raw += [0x5C, byte]
            default: raw.append(byte)
            }
        }
        if needsQuotes { raw.append(0x22) }
        raw.append(0x0A)
        let kind = ConfigChunk.Kind.entry(
            section: ConfigKey.lower(key.section), subsection: key.subsection, name: ConfigKey.lower(key.name), value: value)
        return ConfigChunk(raw: raw, kind: kind)
    }
}
