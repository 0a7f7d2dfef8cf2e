/// git's `wildmatch`: shell-style glob matching on bytes, used for ignore
/// patterns and pathspecs (semantics per `Documentation/gitignore.txt`, see
/// `Spec/index.md`).
///
/// - `?` matches one byte, `*` any run of bytes; with `.pathname` neither
///   crosses `/`, and `**` crosses `/` only as a whole path component
///   (`**/x`, `x/**`, `x/**/y`, where `**/` also matches zero directories).
/// - `[...]` classes with ranges, `!`/`^` negation, a leading `]` taken
///   literally, `[:alpha:]`-style named classes and backslash escapes.
/// - A backslash escapes the next byte. Malformed patterns (unterminated
///   class, unknown class name, trailing backslash) never match.
public enum WildMatch {
    /// Matching options.
    public struct Flags: OptionSet, Sendable, Hashable {
        /// The bit set.
        public let rawValue: UInt8
        /// A set from its bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `WM_PATHNAME`: wildcards do not match `/`, except `**` as a component.
        public static let pathname = Flags(rawValue: 1)
        /// `WM_CASEFOLD`: ASCII letters match regardless of case.
        public static let casefold = Flags(rawValue: 2)
    }

    /// True if `text` matches `pattern`. Compiles the pattern each call; use
    /// `WildPattern` to match one pattern against many texts.
    /// O(pattern × text) in the worst case (memoised backtracking).
    public static func match(pattern: [UInt8], text: [UInt8], flags: Flags = []) -> Bool {
        WildPattern(pattern, flags: flags).matches(text)
    }
}

/// A compiled wildmatch pattern, reusable across texts.
public struct WildPattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case literal(UInt8)
        case anyByte
        case star(crossesSlash: Bool)
        /// `**/` at the start or after `/`: zero or more whole directories.
        case directories
        case characterClass(CharacterClass)
    }

    /// The pattern as given.
    public let source: [UInt8]
    /// The options it was compiled with.
    public let flags: WildMatch.Flags
    let tokens: [Token]
    /// True for malformed patterns, which git's wildmatch never matches.
    let neverMatches: Bool

    /// Compiles `pattern`. O(pattern length).
    public init(_ pattern: [UInt8], flags: WildMatch.Flags = []) {
        self.source = pattern
        self.flags = flags
        var compiler = WildPatternCompiler(pattern: pattern, pathname: flags.contains(.pathname))
        let compiled = compiler.compile()
        self.tokens = compiled ?? []
        self.neverMatches = compiled == nil
    }

    /// True if `text` matches the whole pattern.
    public func matches(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { matches(buffer: $0) }
    }

    /// True if `text` matches the whole pattern.
    public func matches(_ text: ArraySlice<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { matches(buffer: $0) }
    }

    func matches(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !neverMatches else { return false }
        var matcher = WildMatcher(
            tokens: tokens, text: buffer,
            pathname: flags.contains(.pathname), casefold: flags.contains(.casefold))
        return matcher.match(token: 0, at: 0)
    }
}
