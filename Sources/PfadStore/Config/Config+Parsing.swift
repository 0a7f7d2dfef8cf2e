extension Config {
    /// Parses config file bytes. `origin` names the file in errors
    /// (`bad config line 3 in file .git/config`). O(n).
    ///
    /// Understands `[section]`, `[section "subsection"]` (escapes `\"` and
    /// `\\`), legacy `[section.subsection]` (lower-cased), `name = value`,
    /// value-less `name` (boolean true), quoting, escapes `\n \t \b \" \\`,
    /// backslash-newline continuation, and `#`/`;` comments.
    public static func parse(_ bytes: [UInt8], origin: String) throws -> Config {
        var parser = ConfigParser(bytes: bytes, origin: origin)
        var config = Config(origin: origin)
        config.chunks = try parser.parse()
        return config
    }

    /// Parses config text up to its first syntax error, as git's
    /// callback-driven parser hands variables over before it stops: the
    /// variables read so far, and the error (nil when all of `bytes`
    /// parses). Variables before any section header are accepted (git
    /// reads them with an empty section name). For checks on untrusted
    /// config text such as fsck's `.gitmodules` rules. O(n).
    public static func parsePrefix(_ bytes: [UInt8], origin: String) -> (config: Config, error: StoreError?) {
        var parser = ConfigParser(bytes: bytes, origin: origin)
        parser.allowsVariablesBeforeSections = true
        var config = Config(origin: origin)
        do {
            config.chunks = try parser.parse()
            return (config, nil)
        } catch let error as StoreError {
            config.chunks = parser.chunks
            return (config, error)
        } catch {
            config.chunks = parser.chunks
            return (config, .configSyntax(origin: origin, line: parser.line))
        }
    }

    /// The file bytes: untouched chunks exactly as read, edited ones as
    /// git formats them (`\tname = value`).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunks.reduce(0) { $0 + $1.raw.count })
        for chunk in chunks { out += chunk.raw }
        return out
    }
}

/// A one-pass scanner turning config bytes into chunks.
struct ConfigParser {
    let bytes: [UInt8]
    let origin: String
    var index = 0
    var line = 1
    var lineStart = 0
    var chunkStart = 0
    var section: (name: [UInt8], subsection: [UInt8]?)?
    var chunks: [ConfigChunk] = []
    /// Read `name = value` before any `[section]` with an empty section
    /// name instead of failing.
    var allowsVariablesBeforeSections = false

    init(bytes: [UInt8], origin: String) {
        self.bytes = bytes
        self.origin = origin
    }

    mutating func parse() throws -> [ConfigChunk] {
        // A UTF-8 byte-order mark is skipped, as git does.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                index += 1
                newLine()
            } else if Self.isBlank(byte) {
                index += 1
            } else if byte == 0x23 || byte == 0x3B {
                skipToEndOfLine()
            } else if byte == 0x5B {
                try parseSection()
            } else if ConfigKey.isLetter(byte) {
                try parseEntry()
            } else {
                throw syntaxError()
            }
        }
        flushOther(upTo: bytes.count)
        return chunks
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    private func syntaxError() -> StoreError { .configSyntax(origin: origin, line: line) }

    private mutating func flushOther(upTo end: Int) {
        if end > chunkStart {
            chunks.append(ConfigChunk(raw: Array(bytes[chunkStart..<end]), kind: .other))
        }
        chunkStart = end
    }

    /// Starts a chunk at the current line's indentation.
    private mutating func beginChunk() -> Int {
        let start = max(lineStart, chunkStart)
        flushOther(upTo: start)
        return start
    }

    private mutating func parseSection() throws {
        let start = beginChunk()
        index += 1
        var name: [UInt8] = []
        var subsection: [UInt8]?
        while index < bytes.count, ConfigKey.isNameByte(bytes[index]) || bytes[index] == 0x2E {
            name.append(bytes[index])
            index += 1
        }
        guard index < bytes.count else { throw syntaxError() }
        if Self.isBlank(bytes[index]) {
            while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == 0x22 else { throw syntaxError() }
            index += 1
            var sub: [UInt8] = []
            while true {
                guard index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0 else { throw syntaxError() }
                let byte = bytes[index]
                index += 1
                if byte == 0x22 { break }
                if byte == 0x5C {
                    guard index < bytes.count, bytes[index] != 0x0A else { throw syntaxError() }
                    sub.append(bytes[index])
                    index += 1
                } else {
                    sub.append(byte)
                }
            }
            subsection = sub
        }
        guard index < bytes.count, bytes[index] == 0x5D, !name.isEmpty else { throw syntaxError() }
        index += 1
        if subsection == nil, let dot = name.firstIndex(of: 0x2E) {
            // Legacy [section.subsection]: both parts compared lower-cased.
            guard dot > 0 else { throw syntaxError() }
            subsection = ConfigKey.lower(Array(name[(dot + 1)...]))
            name = Array(name[..<dot])
        } else if name.contains(0x2E) {
            throw syntaxError()
        }
        // The header owns the rest of its line if only blanks or a comment follow.
        var end = index
        while end < bytes.count, Self.isBlank(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == 0x23 || bytes[end] == 0x3B {
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        }
        if end == bytes.count || bytes[end] == 0x0A {
            index = min(end + 1, bytes.count)
            if end < bytes.count { newLine() }
        }
        section = (ConfigKey.lower(name), subsection)
        chunks.append(ConfigChunk(raw: Array(bytes[start..<index]), kind: .section(name: ConfigKey.lower(name), subsection: subsection)))
        chunkStart = index
    }

    private mutating func parseEntry() throws {
        let section: (name: [UInt8], subsection: [UInt8]?)
        if let current = self.section {
            section = current
        } else if allowsVariablesBeforeSections {
            section = ([], nil)
        } else {
            throw syntaxError()
        }
        let start = beginChunk()
        var name: [UInt8] = []
        while index < bytes.count, ConfigKey.isNameByte(bytes[index]) {
            name.append(bytes[index])
            index += 1
        }
        while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
        var value: [UInt8]?
        if index < bytes.count, bytes[index] == 0x3D {
            index += 1
            value = try parseValue()
        } else if index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x23 || bytes[index] == 0x3B {
            skipToEndOfLine()
            if index < bytes.count {
                index += 1
                newLine()
            }
        } else {
            throw syntaxError()
        }
        chunks.append(
            ConfigChunk(
                raw: Array(bytes[start..<index]),
                kind: .entry(section: section.name, subsection: section.subsection, name: ConfigKey.lower(name), value: value)))
        chunkStart = index
    }

    /// Reads a value up to the end of its (last continued) line, consuming the newline.
    private mutating func parseValue() throws -> [UInt8] {
        var value: [UInt8] = []
        var kept = 0  // length without trailing unquoted blanks
        var quoted = false
        var started = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0A:
                if quoted { throw syntaxError() }
                newLine()
                value.removeLast(value.count - kept)
                return value
            case 0x5C:  // backslash
                guard index < bytes.count else { throw syntaxError() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case 0x0A: newLine(); continue  // continuation line
                case 0x6E: value.append(0x0A)
                case 0x74: value.append(0x09)
                case 0x62: value.append(0x08)
                case 0x22, 0x5C: value.append(escaped)
                default: throw syntaxError()
                }
                kept = value.count
                started = true
            case 0x22:
                quoted.toggle()
                started = true
                kept = value.count
            case 0x23 where !quoted, 0x3B where !quoted:
                skipToEndOfLine()
            case _ where Self.isBlank(byte) && !quoted:
                if started { value.append(byte) }
            default:
                value.append(byte)
                kept = value.count
                started = true
            }
        }
        if quoted { throw syntaxError() }
        value.removeLast(value.count - kept)
        return value
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
