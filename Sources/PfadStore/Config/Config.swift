/// A git config file (`Documentation/config.txt`, "Syntax"), parsed for
/// lookups and kept as the original bytes for lossless rewriting.
///
/// Section and variable names are case-insensitive, subsection names are
/// case-sensitive. Keys are written `section.name` or
/// `section.subsection.name` (the subsection may contain dots). Lookups are
/// O(number of entries); `serialized()` reproduces untouched lines byte for byte.
public struct Config: Sendable, Hashable {
    /// Where the config came from (a path, or e.g. `command line`), for messages.
    public let origin: String
    var chunks: [ConfigChunk]

    /// An empty config (as for an absent file).
    public init(origin: String) {
        self.origin = origin
        self.chunks = []
    }

    /// The last value of `key`; a variable written without `=` (boolean true)
    /// reads as "", as `git config --get` prints it; nil if unset.
    public func get(_ key: String) -> String? {
        guard let parsed = ConfigKey(key), let value = lastValue(parsed) else { return nil }
        return String(decoding: value ?? [], as: UTF8.self)
    }

    /// Every value of `key` in file order ("" for value-less variables).
    public func getAll(_ key: String) -> [String] {
        guard let parsed = ConfigKey(key) else { return [] }
        return values(parsed).map { String(decoding: $0 ?? [], as: UTF8.self) }
    }

    /// Every value of `key` in file order as raw bytes; nil entries for
    /// variables written without `=`. Empty for malformed keys.
    public func rawValues(_ key: String) -> [[UInt8]?] {
        guard let parsed = ConfigKey(key) else { return [] }
        return values(parsed)
    }

    /// The last value of `key` as raw bytes; `.some(nil)` for a value-less variable.
    public func getBytes(_ key: String) -> [UInt8]?? {
        guard let parsed = ConfigKey(key) else { return nil }
        return lastValue(parsed)
    }

    /// `key` as a boolean: `true`/`yes`/`on`/value-less → true,
    /// `false`/`no`/`off`/"" → false, integers → non-zero; nil if unset.
    /// Throws `invalidConfigValue` for anything else.
    public func getBool(_ key: String) throws -> Bool? {
        guard let parsed = ConfigKey(key), let value = lastValue(parsed) else { return nil }
        return try ConfigValue.bool(value, key: key, origin: origin)
    }

    /// `key` as an integer with optional `k`/`m`/`g` suffix (×1024, ×1024², ×1024³);
    /// nil if unset. Throws `invalidConfigValue` on junk or overflow.
    public func getInt(_ key: String) throws -> Int? {
        guard let parsed = ConfigKey(key), let value = lastValue(parsed) else { return nil }
        return try ConfigValue.int(value ?? [], key: key, origin: origin)
    }

    /// Every variable in file order as (`section[.subsection].name` with
    /// section and name lower-cased, value or nil for value-less), like
    /// `git config --list`.
    public var entries: [(key: String, value: String?)] {
        chunks.compactMap { chunk in
            guard case let .entry(section, subsection, name, value) = chunk.kind else { return nil }
            var key = section
            if let subsection { key += [0x2E] + subsection }
            key += [0x2E] + name
            return (String(decoding: key, as: UTF8.self), value.map { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// Every variable in file order as raw bytes: section and name
    /// lower-cased, subsection as written (nil when absent), value nil for
    /// a variable written without `=`.
    public var variables: [(section: [UInt8], subsection: [UInt8]?, name: [UInt8], value: [UInt8]?)] {
        chunks.compactMap { chunk in
            guard case let .entry(section, subsection, name, value) = chunk.kind else { return nil }
            return (section, subsection, name, value)
        }
    }

    func values(_ key: ConfigKey) -> [[UInt8]?] {
        chunks.compactMap { chunk in
            guard case let .entry(section, subsection, name, value) = chunk.kind,
                key.matches(section: section, subsection: subsection, name: name)
            else { return nil }
            return .some(value)
        }
    }

    func lastValue(_ key: ConfigKey) -> [UInt8]?? {
        for chunk in chunks.reversed() {
            if case let .entry(section, subsection, name, value) = chunk.kind,
                key.matches(section: section, subsection: subsection, name: name)
            {
                return .some(value)
            }
        }
        return nil
    }
}

/// One run of bytes of a config file: a section header, a variable (with its
/// continuation lines), or anything else (blank lines, comments).
struct ConfigChunk: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case other
        /// `name` lower-cased; `subsection` as written (legacy form lower-cased).
        case section(name: [UInt8], subsection: [UInt8]?)
        /// Section/name lower-cased; `value` nil when written without `=`.
        case entry(section: [UInt8], subsection: [UInt8]?, name: [UInt8], value: [UInt8]?)
    }
    var raw: [UInt8]
    var kind: Kind
}
