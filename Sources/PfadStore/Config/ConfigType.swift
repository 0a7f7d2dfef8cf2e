/// The type a value is read as (`git config --type=<type>`, `--bool`,
/// `--int`, `--bool-or-int`, `--path`): its canonical spelling.
public enum ConfigType: String, Sendable, CaseIterable {
    case bool
    case int
    case boolOrInt = "bool-or-int"
    case path

    /// `value` of `key` (nil: written without `=`) in this type's canonical
    /// form: `true`/`false`, a decimal number (suffixes `k`/`m`/`g`
    /// applied), or a path with a leading `~/` expanded against `home`.
    /// - Throws: `StoreError.invalidConfigValue` when it is not of the type.
    public func canonical(_ value: [UInt8]?, key: String, origin: String, home: String?) throws -> String {
        switch self {
        case .bool:
            return try ConfigValue.bool(value, key: key, origin: origin) ? "true" : "false"
        case .int:
            return String(try ConfigValue.int(value ?? [], key: key, origin: origin))
        case .boolOrInt:
            if let value, let number = try? ConfigValue.int(value, key: key, origin: origin) { return String(number) }
            return try ConfigValue.bool(value, key: key, origin: origin) ? "true" : "false"
        case .path:
            let text = String(decoding: value ?? [], as: UTF8.self)
            if let home, text == "~" || text.hasPrefix("~/") { return home + text.dropFirst() }
            return text
        }
    }
}
