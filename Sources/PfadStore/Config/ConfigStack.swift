#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Config files layered by precedence (system, global, repository, command
/// line); lookups take the last value over all layers.
public struct ConfigStack: Sendable {
    /// Lowest precedence first.
    public var layers: [Config]

    /// A stack from explicit layers (lowest precedence first).
    public init(layers: [Config]) {
        self.layers = layers
    }

    /// Loads the layers git reads (see `Documentation/git-config.txt`, "FILES"):
    /// system (`$GIT_CONFIG_SYSTEM` or `/etc/gitconfig`, skipped when
    /// `GIT_CONFIG_NOSYSTEM` is true), global (`$GIT_CONFIG_GLOBAL` alone if
    /// set, else `$XDG_CONFIG_HOME/git/config` or `~/.config/git/config`,
    /// then `~/.gitconfig`), the repository's `config`, then
    /// `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`.
    /// Absent files are empty layers. O(total file size).
    public static func load(gitDirectory: String?, environment: [String: String] = ConfigStack.processEnvironment()) throws -> ConfigStack {
        var layers: [Config] = []
        let noSystem = environment["GIT_CONFIG_NOSYSTEM"].map { (try? ConfigValue.bool(Array($0.utf8), key: "GIT_CONFIG_NOSYSTEM", origin: "environment")) ?? true } ?? false
        let scopes: [ConfigScope] = (noSystem ? [] : [.system]) + [.global, .local]
        for scope in scopes {
            for path in scope.readPaths(gitDirectory: gitDirectory, environment: environment) {
                layers.append(try ConfigFile.load(path: path))
            }
        }
        if let countText = environment["GIT_CONFIG_COUNT"], let count = Int(countText), count > 0 {
            var command = Config(origin: "command line")
            for index in 0..<count {
                guard let key = environment["GIT_CONFIG_KEY_\(index)"] else { continue }
                try command.add(key, environment["GIT_CONFIG_VALUE_\(index)"] ?? "")
            }
            layers.append(command)
        }
        return ConfigStack(layers: layers)
    }

    /// The last value of `key` over all layers.
    public func get(_ key: String) -> String? {
        for layer in layers.reversed() { if let value = layer.get(key) { return value } }
        return nil
    }

    /// Every value of `key`, lowest-precedence layer first.
    public func getAll(_ key: String) -> [String] {
        layers.flatMap { $0.getAll(key) }
    }

    /// `key` as a boolean from the highest layer that sets it (see `Config.getBool`).
    public func getBool(_ key: String) throws -> Bool? {
        for layer in layers.reversed() { if let value = try layer.getBool(key) { return value } }
        return nil
    }

    /// `key` as an integer from the highest layer that sets it (see `Config.getInt`).
    public func getInt(_ key: String) throws -> Int? {
        for layer in layers.reversed() { if let value = try layer.getInt(key) { return value } }
        return nil
    }

    /// The current process environment.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
