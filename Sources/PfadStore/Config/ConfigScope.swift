/// Which config file an operation reads or writes (`git config --system`,
/// `--global`, `--local`, `--file`), and where each one lives.
public enum ConfigScope: Sendable, Hashable {
    /// `$GIT_CONFIG_SYSTEM` or `/etc/gitconfig`.
    case system
    /// The user's file: `$GIT_CONFIG_GLOBAL`, else `~/.gitconfig`, or the
    /// XDG file (`$XDG_CONFIG_HOME/git/config`, `~/.config/git/config`).
    case global
    /// The repository's `config`.
    case local
    /// A file named on the command line.
    case file(String)

    /// The files this scope reads, lowest precedence first (the global scope
    /// reads the XDG file, then `~/.gitconfig`). Empty when the scope has no
    /// file (`local` outside a repository, `global` without `HOME`).
    public func readPaths(gitDirectory: String?, environment: [String: String]) -> [String] {
        switch self {
        case .system:
            return [environment["GIT_CONFIG_SYSTEM"] ?? "/etc/gitconfig"]
        case .global:
            if let global = environment["GIT_CONFIG_GLOBAL"] { return global.isEmpty ? [] : [global] }
            var paths: [String] = []
            if let xdg = Self.xdgPath(environment) { paths.append(xdg) }
            if let home = environment["HOME"] { paths.append(home + "/.gitconfig") }
            return paths
        case .local:
            return gitDirectory.map { [$0 + "/config"] } ?? []
        case .file(let path):
            return [path]
        }
    }

    /// The file a write in this scope changes: for `global`, `~/.gitconfig`
    /// unless only the XDG file exists (git's rule); nil when there is none.
    public func writePath(gitDirectory: String?, environment: [String: String]) -> String? {
        switch self {
        case .global:
            if let global = environment["GIT_CONFIG_GLOBAL"] { return global.isEmpty ? nil : global }
            guard let home = environment["HOME"] else { return nil }
            let dotfile = home + "/.gitconfig"
            if !POSIX.exists(dotfile), let xdg = Self.xdgPath(environment), POSIX.exists(xdg) { return xdg }
            return dotfile
        default:
            return readPaths(gitDirectory: gitDirectory, environment: environment).last
        }
    }

    private static func xdgPath(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/git/config" }
        return environment["HOME"].map { $0 + "/.config/git/config" }
    }
}
