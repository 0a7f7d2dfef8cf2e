/// A parsed `section[.subsection].name` key.
struct ConfigKey: Sendable, Hashable {
    /// As written (for new lines).
    var section: [UInt8]
    var subsection: [UInt8]?
    var name: [UInt8]

    /// Splits at the first and last dot; nil unless section and name are
    /// non-empty, the section is alphanumeric/`-`, and the name starts with a
    /// letter and is alphanumeric/`-`.
    init?(_ key: String) {
        let bytes = Array(key.utf8)
        guard let first = bytes.firstIndex(of: 0x2E), let last = bytes.lastIndex(of: 0x2E) else { return nil }
        section = Array(bytes[..<first])
        name = Array(bytes[(last + 1)...])
        subsection = first == last ? nil : Array(bytes[(first + 1)..<last])
        guard !section.isEmpty, section.allSatisfy({ ConfigKey.isNameByte($0) }),
            let head = name.first, ConfigKey.isLetter(head), name.allSatisfy({ ConfigKey.isNameByte($0) })
        else { return nil }
    }

    func matches(section other: [UInt8], subsection otherSub: [UInt8]?, name otherName: [UInt8]) -> Bool {
        ConfigKey.lower(section) == other && subsection == otherSub && ConfigKey.lower(name) == otherName
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D }
    static func lower(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }
}

/// Typed interpretations of config values.
enum ConfigValue {
    static func bool(_ value: [UInt8]?, key: String, origin: String) throws -> Bool {
        guard let value else { return true }
        switch String(decoding: ConfigKey.lower(value), as: UTF8.self) {
        case "true", "yes", "on": return true
        case "false", "no", "off", "": return false
        default:
            guard let number = try? int(value, key: key, origin: origin) else {
                throw StoreError.invalidConfigValue(key: key, value: String(decoding: value, as: UTF8.self), kind: "boolean", origin: origin)
            }
            return number != 0
        }
    }

    static func int(_ value: [UInt8], key: String, origin: String) throws -> Int {
        let text = String(decoding: value, as: UTF8.self)
        let failure = StoreError.invalidConfigValue(key: key, value: text, kind: "numeric", origin: origin)
        var digits = value[...]
        var factor = 1
        if let last = digits.last {
            switch last {
            case 0x6B, 0x4B: factor = 1 << 10; digits = digits.dropLast()
            case 0x6D, 0x4D: factor = 1 << 20; digits = digits.dropLast()
            case 0x67, 0x47: factor = 1 << 30; digits = digits.dropLast()
            default: break
            }
        }
        guard let number = Int(String(decoding: digits, as: UTF8.self)) else { throw failure }
        let (scaled, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw failure }
        return scaled
    }
}
