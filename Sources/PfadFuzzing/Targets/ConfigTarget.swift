import PfadStore

/// A config file: parsed, then every variable read as text, bool and int,
/// and as each `--type`; the serialised file must parse to the same
/// variables.
enum ConfigTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        _ = Config.parsePrefix(bytes, origin: "fuzz")
        guard let config = try? Config.parse(bytes, origin: "fuzz") else { return .rejected }
        for variable in config.variables.prefix(200) {
            var key = String(decoding: variable.section, as: UTF8.self)
            if let subsection = variable.subsection { key += "." + String(decoding: subsection, as: UTF8.self) }
            key += "." + String(decoding: variable.name, as: UTF8.self)
            _ = config.get(key)
            _ = config.getAll(key)
            _ = try? config.getBool(key)
            _ = try? config.getInt(key)
            for type in ConfigType.allCases {
                _ = try? type.canonical(variable.value, key: key, origin: "fuzz", home: "/home/fuzz")
            }
        }
        guard let reparsed = try? Config.parse(config.serialized(), origin: "fuzz") else {
            return .violation("a serialised config does not parse")
        }
        guard reparsed.variables.elementsEqual(config.variables, by: { $0 == $1 }) else {
            return .violation("variables change in a round trip")
        }
        return .accepted
    }
}
