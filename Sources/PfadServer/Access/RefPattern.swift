/// A ref-name pattern from the users file (`refs/heads/arnsberg/*`): literal
/// bytes with `*` matching any run of bytes, slashes included; without a `*`
/// the whole name must be equal.
public struct RefPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let parts: [[UInt8]]

    /// Parses `text`; `nil` for patterns that do not start with `refs/` or
    /// contain control characters or spaces.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard text.hasPrefix("refs/"), !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        self.text = text
        self.parts = bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// Whether the full ref name `name` matches. O(n·m) at worst for
    /// patterns with several stars; ref names are short.
    public func matches(_ name: [UInt8]) -> Bool {
        guard let first = parts.first else { return false }
        if parts.count == 1 { return name == first }
        guard name.starts(with: first) else { return false }
        var position = first.count
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 {
                return name.count - position >= part.count && name[(name.count - part.count)...].elementsEqual(part)
            }
            guard let found = Self.find(part, in: name, from: position) else { return false }
            position = found + part.count
        }
        return true
    }

    public var description: String { text }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start }
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
