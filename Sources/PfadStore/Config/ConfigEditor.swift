/// `git config` as a library: reads values from the layered files or from
/// one scope, and edits one scope's file (through its lock, keeping every
/// other line byte for byte, as git does).
public struct ConfigEditor: Sendable {
    /// The repository's git folder; nil outside a repository.
    public let gitDirectory: String?
    /// The environment the file locations and command-line values come from.
    public let environment: [String: String]

    /// An editor for the repository at `gitDirectory` (nil: none).
    public init(gitDirectory: String?, environment: [String: String] = ConfigStack.processEnvironment()) {
        self.gitDirectory = gitDirectory
        self.environment = environment
    }

    /// Every value of `key`, lowest precedence first (nil for a variable
    /// written without `=`): from all layers when `scope` is nil (command
    /// line `-c` values last), else from that scope's files only.
    /// - Throws: `ConfigEditError` for a malformed key or `--local` outside
    ///   a repository; `StoreError` for unreadable files.
    public func values(_ key: String, scope: ConfigScope?) throws -> [[UInt8]?] {
        try Self.validate(key)
        return try layers(scope).flatMap { $0.rawValues(key) }
    }

    /// Every variable as `git config --list` shows it (section and name
    /// lower-cased), lowest precedence first.
    public func list(scope: ConfigScope?) throws -> [(key: String, value: String?)] {
        try layers(scope).flatMap(\.entries)
    }

    /// Sets `key` to `value` in `scope`'s file. With `replaceAll` every
    /// existing value is replaced by one; without, a key with several values
    /// is refused (`multipleValues`), as git does.
    public func set(_ key: String, _ value: String, scope: ConfigScope, replaceAll: Bool = false) throws {
        try Self.validate(key)
        try edit(scope) { config in
            if config.rawValues(key).count > 1 {
                guard replaceAll else { throw ConfigEditError.multipleValues(key) }
                try config.unset(key)
            }
            try config.set(key, value)
        }
    }

    /// Adds one more value for `key` in `scope`'s file (`--add`).
    public func add(_ key: String, _ value: String, scope: ConfigScope) throws {
        try Self.validate(key)
        try edit(scope) { try $0.add(key, value) }
    }

    /// Removes `key` from `scope`'s file; without `all` a key with several
    /// values is refused. - Throws: `notSet` when the file has no value.
    public func unset(_ key: String, scope: ConfigScope, all: Bool) throws {
        try Self.validate(key)
        try edit(scope) { config in
            let count = config.rawValues(key).count
            if count == 0 { throw ConfigEditError.notSet(key) }
            if count > 1 && !all { throw ConfigEditError.multipleValues(key) }
            try config.unset(key)
        }
    }

    /// Removes `[section]` or `[section "sub"]` (`name` is `section` or
    /// `section.sub`) with its variables from `scope`'s file.
    public func removeSection(_ name: String, scope: ConfigScope) throws {
        let dot = name.firstIndex(of: ".")
        let section = dot.map { String(name[..<$0]) } ?? name
        let subsection = dot.map { String(name[name.index(after: $0)...]) }
        try edit(scope) { config in
            if config.removeSection(section, subsection: subsection) == 0 { throw ConfigEditError.noSuchSection(name) }
        }
    }

    /// The user's home folder, for `--path` values.
    public var home: String? { environment["HOME"] }

    private func layers(_ scope: ConfigScope?) throws -> [Config] {
        guard let scope else { return try ConfigStack.load(gitDirectory: gitDirectory, environment: environment).layers }
        if scope == .local && gitDirectory == nil { throw ConfigEditError.localOutsideRepository }
        return try scope.readPaths(gitDirectory: gitDirectory, environment: environment).map { try ConfigFile.load(path: $0) }
    }

    private func edit(_ scope: ConfigScope, _ change: (inout Config) throws -> Void) throws {
        if scope == .local && gitDirectory == nil { throw ConfigEditError.notInRepository }
        guard let path = scope.writePath(gitDirectory: gitDirectory, environment: environment) else {
            throw ConfigEditError.noFile
        }
        var config = try ConfigFile.load(path: path)
        try change(&config)
        try ConfigFile.save(config, to: path)
    }

    /// git's two key errors: no dot at all, or a malformed section or name.
    static func validate(_ key: String) throws {
        guard key.contains(".") else { throw ConfigEditError.noSection(key) }
        guard ConfigKey(key) != nil else { throw ConfigEditError.invalidKey(key) }
    }
}

/// Why `ConfigEditor` refused; descriptions are git's messages.
public enum ConfigEditError: Error, Equatable, CustomStringConvertible {
    /// `key does not contain a section: foo` (exit 1).
    case noSection(String)
    /// `invalid key: a.1b` (exit 1).
    case invalidKey(String)
    /// A single-value change of a key with several values (exit 5).
    case multipleValues(String)
    /// `--unset` of a key the file does not have (exit 5, silent).
    case notSet(String)
    /// `--remove-section` of a section the file lacks (exit 128).
    case noSuchSection(String)
    /// A write to the repository's file outside a repository (exit 128).
    case notInRepository
    /// `--local` read outside a repository (exit 128).
    case localOutsideRepository
    /// The scope has no file (`--global` without `HOME`; exit 128).
    case noFile

    public var description: String {
        switch self {
        case .noSection(let key): return "key does not contain a section: \(key)"
        case .invalidKey(let key): return "invalid key: \(key)"
        case .multipleValues(let key): return "cannot overwrite multiple values with a single value\n       Use a regexp, --add or --replace-all to change \(key)."
        case .notSet(let key): return "\(key) is not set"
        case .noSuchSection(let name): return "no such section: \(name)"
        case .notInRepository: return "not in a git directory"
        case .localOutsideRepository: return "--local can only be used inside a git repository"
        case .noFile: return "$HOME not set"
        }
    }
}
