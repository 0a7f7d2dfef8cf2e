import PfadObjects

/// Paths named on the command line, made relative to the work tree root.
///
/// Each element matches itself, everything below it when it is a folder,
/// and — when it holds glob characters — what git's wildmatch matches.
public struct Pathspec: Sendable {
    /// The repository-relative patterns, '/'-separated, without trailing '/'.
    public let patterns: [[UInt8]]
    /// The arguments as the user typed them, for messages.
    public let originals: [String]

    /// A pathspec matching everything.
    public static let all = Pathspec(patterns: [[]], originals: ["."])

    init(patterns: [[UInt8]], originals: [String]) {
        self.patterns = patterns
        self.originals = originals
    }

    /// Resolves `arguments` given relative to `prefix` (the current folder
    /// inside the work tree).
    /// - Throws: `outsideRepository` for a path that leaves the work tree.
    public init(arguments: [String], prefix: [UInt8], workTree: String) throws {
        var patterns: [[UInt8]] = []
        for arg in arguments {
            var components: [[UInt8]] = prefix.split(separator: 0x2F).map(Array.init)
            var bytes = Array(arg.utf8)
            if bytes.first == 0x2F {
                // An absolute path must lie inside the work tree.
                let root = Array(workTree.utf8) + [0x2F]
                guard bytes.starts(with: root) || bytes == Array(workTree.utf8) else {
                    throw RepositoryError.outsideRepository(path: arg, workTree: workTree)
                }
                bytes = Array(bytes.dropFirst(min(root.count, bytes.count)))
                components = []
            }
            for part in bytes.split(separator: 0x2F, omittingEmptySubsequences: true) {
                if part.elementsEqual([0x2E]) { continue }
                if part.elementsEqual([0x2E, 0x2E]) {
                    guard !components.isEmpty else {
                        throw RepositoryError.outsideRepository(path: arg, workTree: workTree)
                    }
                    components.removeLast()
                    continue
                }
                components.append(Array(part))
            }
            patterns.append(Array(components.joined(separator: [0x2F])))
        }
        self.patterns = patterns
        self.originals = arguments
    }

    /// True if `path` is matched by any element.
    public func matches(_ path: [UInt8]) -> Bool {
        patterns.indices.contains { matches(path, element: $0) }
    }

    /// True if `path` is matched by element `index`.
    public func matches(_ path: [UInt8], element index: Int) -> Bool {
        let pattern = patterns[index]
        if pattern.isEmpty { return true }
        if path == pattern { return true }
        if path.count > pattern.count, path[pattern.count] == 0x2F, path.starts(with: pattern) { return true }
        if Self.hasGlob(pattern) {
            return WildMatch.match(pattern: pattern, text: path, flags: [])
        }
        return false
    }

    /// True if the element holds glob characters (`*`, `?`, `[`).
    static func hasGlob(_ pattern: [UInt8]) -> Bool {
        pattern.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B }
    }
}
