/// Loading and saving config files on disk.
public enum ConfigFile {
    /// Reads and parses the config at `path`; an absent file is an empty config.
    public static func load(path: String) throws -> Config {
        guard let bytes = try POSIX.readFile(path) else { return Config(origin: path) }
        return try Config.parse(bytes, origin: path)
    }

    /// Writes `config` to `path` through `path.lock` (exclusive create, fsync,
    /// rename), as `git config` does. Throws `lockHeld` if locked.
    public static func save(_ config: Config, to path: String) throws {
        let lock = try LockFile.acquire(for: path)
        try lock.write(config.serialized())
        try lock.commit()
    }
}
