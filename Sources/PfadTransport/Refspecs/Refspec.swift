import PfadObjects

/// One refspec: which refs a fetch or push takes and where they go
/// (`Documentation/git-fetch.txt` and `git-push.txt`, "<refspec>";
/// negative refspecs from `Documentation/pull-fetch-param.txt`).
/// Forms: `[+]SRC[:DST]`, `:DST` (push: delete), `^SRC` (exclude), with one
/// `*` on each side of a pattern.
public struct Refspec: Sendable, Hashable, CustomStringConvertible {
    /// `+`: update even when it is not a fast-forward.
    public var force: Bool
    /// `^SRC`: refs matching `source` are excluded.
    public var negative: Bool
    /// The source side (may be empty for push deletions).
    public var source: [UInt8]
    /// The destination side, if given.
    public var destination: [UInt8]?

    /// True if both sides contain one `*`.
    public var isPattern: Bool { source.contains(0x2A) }

    /// A refspec from its parts.
    public init(source: [UInt8], destination: [UInt8]?, force: Bool = false, negative: Bool = false) {
        self.source = source
        self.destination = destination
        self.force = force
        self.negative = negative
    }

    /// Parses `text`.
    /// - Throws: `TransportError.invalidRefspec` when the sides are not
    ///   valid ref names (patterns allowed), have different numbers of `*`,
    ///   or a negative refspec has a destination.
    public init(parsing text: String) throws {
        var bytes = Array(text.utf8)
        let fail = TransportError.invalidRefspec(text)
        var force = false
        var negative = false
        if bytes.first == 0x2B { force = true; bytes.removeFirst() } else if bytes.first == 0x5E { negative = true; bytes.removeFirst() }
        var source = bytes
        var destination: [UInt8]?
        if let colon = bytes.lastIndex(of: 0x3A) {
            source = Array(bytes[..<colon])
            destination = Array(bytes[(colon + 1)...])
        }
        if negative && (destination != nil || force) { throw fail }
        let sourceStars = source.filter { $0 == 0x2A }.count
        guard sourceStars <= 1 else { throw fail }
        if let destination {
            let destinationStars = destination.filter { $0 == 0x2A }.count
            guard destinationStars == sourceStars || (destination.isEmpty && sourceStars == 0) else { throw fail }
            if !destination.isEmpty && !Self.isValidSide(destination) { throw fail }
        }
        if !source.isEmpty && !Self.isValidSide(source) && !Self.isObjectName(source) { throw fail }
        if source.isEmpty && destination == nil && !negative { throw fail }
        self.init(source: source, destination: destination, force: force, negative: negative)
    }

    /// True if `name` is selected by the source side.
    public func matchesSource(_ name: [UInt8]) -> Bool {
        Self.match(pattern: source, name) != nil
    }

    /// The destination `name` maps to (`refs/heads/*:refs/remotes/o/*` maps
    /// `refs/heads/main` to `refs/remotes/o/main`), or `nil` if the source
    /// side does not select it or there is no destination.
    public func mapToDestination(_ name: [UInt8]) -> [UInt8]? {
        guard let destination, let star = Self.match(pattern: source, name) else { return nil }
        return Self.substitute(destination, star)
    }

    /// The reverse mapping: the source whose destination is `name`.
    public func mapToSource(_ name: [UInt8]) -> [UInt8]? {
        guard let destination, let star = Self.match(pattern: destination, name) else { return nil }
        return Self.substitute(source, star)
    }

    /// The refspec as written in config files.
    public var description: String {
        var text = force ? "+" : (negative ? "^" : "")
        text += String(decoding: source, as: UTF8.self)
        if let destination { text += ":" + String(decoding: destination, as: UTF8.self) }
        return text
    }

    /// For a pattern, what `*` matched in `name`; for a plain name, `[]`
    /// when equal. `nil` when it does not match.
    static func match(pattern: [UInt8], _ name: [UInt8]) -> [UInt8]? {
        guard let star = pattern.firstIndex(of: 0x2A) else { return pattern == name ? [] : nil }
        let prefix = pattern[..<star]
        let suffix = pattern[(star + 1)...]
        guard name.count >= prefix.count + suffix.count,
              name.starts(with: prefix), name.reversed().starts(with: suffix.reversed()) else { return nil }
        return Array(name[prefix.count..<(name.count - suffix.count)])
    }

    private static func substitute(_ pattern: [UInt8], _ star: [UInt8]) -> [UInt8] {
        guard let index = pattern.firstIndex(of: 0x2A) else { return pattern }
        return Array(pattern[..<index]) + star + Array(pattern[(index + 1)...])
    }

    private static func isValidSide(_ side: [UInt8]) -> Bool {
        side == Array("HEAD".utf8) || side == Array("@".utf8)
            || RefName.isValid(side, allowOneLevel: true, refspecPattern: true)
    }

    private static func isObjectName(_ side: [UInt8]) -> Bool {
        (side.count == 40 || side.count == 64) && side.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
