/// Why `PatchApplication` refuses a patch before touching the work tree.
/// Descriptions are git's one-line messages (`git apply`).
public enum PatchApplyError: Error, Equatable, CustomStringConvertible {
    /// A path that could leave the work tree or reach into `.git` (`../x`,
    /// `/etc/passwd`, `.git/hooks/pre-commit`, `.GIT/x`); git exits 128.
    case invalidPath(String)
    /// A path below a symbolic link, on disk or created by an earlier patch
    /// of the same series; git exits 1.
    case beyondSymlink(String)

    public var description: String {
        switch self {
        case .invalidPath(let path): return "invalid path '\(path)'"
        case .beyondSymlink(let path): return "affected file '\(path)' is beyond a symbolic link"
        }
    }
}
