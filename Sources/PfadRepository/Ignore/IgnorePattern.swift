/// One pattern line of a `.gitignore`-style file, parsed as
/// `Documentation/gitignore.txt` describes (see `Spec/index.md`).
public struct IgnorePattern: Sendable, Hashable {
    /// The line after trimming, as written (including `!` and slashes).
    public let line: [UInt8]
    /// `!pattern`: a match re-includes the path.
    public let isNegated: Bool
    /// `pattern/`: matches directories only.
    public let isDirectoryOnly: Bool
    /// No `/` except a trailing one: matched against the last path component at any depth.
    public let matchesBasename: Bool
    /// The glob after removing `!`, a leading `/` and a trailing `/`.
    let glob: WildPattern
    /// The glob's bytes when they contain no wildcard (`*?[\`): compared directly.
    let literal: [UInt8]?
    /// For `*suffix` basename patterns without further wildcards: the suffix.
    let suffix: [UInt8]?
    let ignoreCase: Bool

    private static let slash: UInt8 = 0x2F

    /// Parses one line (without its newline); nil for blank lines, comments and
    /// patterns that can never match (`!`, `/`).
    public init?(line raw: [UInt8], ignoreCase: Bool = false) {
        var bytes = raw
        if bytes.last == 0x0D { bytes.removeLast() }
        guard let first = bytes.first, first != 0x23 else { return nil }  // '#'
        bytes = Self.trimTrailingSpaces(bytes)
        guard !bytes.isEmpty else { return nil }
        self.line = bytes
        var body = ArraySlice(bytes)
        isNegated = body.first == 0x21  // '!'
        if isNegated { body = body.dropFirst() }
        isDirectoryOnly = body.last == Self.slash
        if isDirectoryOnly { body = body.dropLast() }
        matchesBasename = !body.contains(Self.slash)
        if body.first == Self.slash { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        let globBytes = Array(body)
        self.ignoreCase = ignoreCase
        self.glob = WildPattern(globBytes, flags: ignoreCase ? [.pathname, .casefold] : [.pathname])
        let wildcards: [UInt8] = [0x2A, 0x3F, 0x5B, 0x5C]
        literal = globBytes.contains(where: wildcards.contains) ? nil : globBytes
        if matchesBasename, globBytes.first == 0x2A, !globBytes.dropFirst().contains(where: wildcards.contains) {
            suffix = Array(globBytes.dropFirst())
        } else {
            suffix = nil
        }
    }

    /// Removes trailing spaces that are not escaped with a backslash.
    static func trimTrailingSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var trailingStart: Int? = nil
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x20:
                if trailingStart == nil { trailingStart = i }
            case 0x5C:
                trailingStart = nil
                i += 1
            default:
                trailingStart = nil
            }
            i += 1
        }
        guard let cut = trailingStart else { return bytes }
        return Array(bytes[..<cut])
    }

    /// True if the pattern matches `path` (relative to the top of the work
    /// tree) for a pattern file in directory `base` (`""` for the top, else
    /// `"a/b"`). Negation is not applied here.
    func matches(path: [UInt8], basenameStart: Int, isDirectory: Bool, base: [UInt8]) -> Bool {
        if isDirectoryOnly && !isDirectory { return false }
        if matchesBasename {
            let name = path[basenameStart...]
            if let literal { return equal(name, literal[...]) }
            if let suffix {
                guard name.count >= suffix.count else { return false }
                return equal(name.suffix(suffix.count), suffix[...])
            }
            return glob.matches(name)
        }
        var start = 0
        if !base.isEmpty {
            guard path.count > base.count, path[base.count] == Self.slash, path.starts(with: base) else { return false }
            start = base.count + 1
        }
        let relative = path[start...]
        if let literal { return equal(relative, literal[...]) }
        return glob.matches(relative)
    }

    private func equal(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if !ignoreCase { return lhs.elementsEqual(rhs) }
        return zip(lhs, rhs).allSatisfy { asciiLower($0) == asciiLower($1) }
    }
}
