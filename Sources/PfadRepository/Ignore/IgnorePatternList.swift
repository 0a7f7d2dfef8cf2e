/// The patterns of one source (a `.gitignore`, `info/exclude` or
/// `core.excludesFile`), with the directory they are relative to.
public struct IgnorePatternList: Sendable, Hashable {
    /// The directory of the `.gitignore`, relative to the top (`""` for the top
    /// and for `info/exclude` and `core.excludesFile`), without a trailing slash.
    public let base: [UInt8]
    /// The patterns in file order.
    public let patterns: [IgnorePattern]

    /// Parses file content: lines split at LF (a CR before it is dropped), an
    /// initial UTF-8 byte-order mark skipped. O(n).
    public init(content: [UInt8], base: [UInt8] = [], ignoreCase: Bool = false) {
        self.base = base
        var bytes = ArraySlice(content)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var patterns: [IgnorePattern] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if let pattern = IgnorePattern(line: Array(line), ignoreCase: ignoreCase) { patterns.append(pattern) }
        }
        self.patterns = patterns
    }

    /// The last pattern matching `path` (later lines win), or nil.
    func lastMatch(path: [UInt8], basenameStart: Int, isDirectory: Bool) -> IgnorePattern? {
        for pattern in patterns.reversed()
        where pattern.matches(path: path, basenameStart: basenameStart, isDirectory: isDirectory, base: base) {
            return pattern
        }
        return nil
    }
}
