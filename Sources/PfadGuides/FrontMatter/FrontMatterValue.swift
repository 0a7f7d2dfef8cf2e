/// A value in a guide's front matter.
///
/// Every scalar is a string, exactly as written once YAML quoting is
/// removed: `01067`, `no`, `on`, `1.10` and `2021-03` stay those
/// characters. Nothing is coerced to a number, a boolean or a date; a
/// later reader decides what a key means.
public indirect enum FrontMatterValue: Sendable, Hashable {
    /// A scalar (plain, quoted or block), as its characters.
    case string(String)
    /// A sequence of values, in order.
    case list([FrontMatterValue])
    /// A nested mapping, its keys in source order.
    case mapping([Pair])

    /// One key and its value in a nested mapping.
    public struct Pair: Sendable, Hashable {
        /// The key, as written.
        public var key: String
        /// The key's value.
        public var value: FrontMatterValue

        /// The pair `key: value`.
        public init(key: String, value: FrontMatterValue) {
            self.key = key
            self.value = value
        }
    }

    /// The scalar, or nil for a list or mapping.
    public var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// A scalar as a one-element list, a list of scalars as its strings;
    /// nil for anything else.
    public var strings: [String]? {
        switch self {
        case let .string(text): return [text]
        case let .list(items):
            var result: [String] = []
            for item in items {
                guard let text = item.string else { return nil }
                result.append(text)
            }
            return result
        case .mapping: return nil
        }
    }
}
