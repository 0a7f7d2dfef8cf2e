/// Decides whether work-tree paths are ignored, as git does for untracked
/// files (`Documentation/gitignore.txt`, summarised in `Spec/index.md`).
///
/// Sources, highest precedence first: `.gitignore` in the path's own
/// directory, then in each parent up to the top; `$GIT_DIR/info/exclude`;
/// the `core.excludesFile` given by the caller. Within one source the last
/// matching line wins; `!` re-includes. A path inside an ignored directory is
/// ignored whatever later patterns say. `.gitignore` files are read lazily,
/// once per directory, and never through a symbolic link.
///
/// Not thread-safe: it caches loaded files; use one instance per operation.
public final class IgnoreRules {
    /// The work-tree root.
    public let workTree: String
    /// `core.ignoreCase`: match patterns case-insensitively (ASCII).
    public let ignoreCase: Bool
    /// info/exclude first, then core.excludesFile.
    let globalLists: [IgnorePatternList]
    private let workTreeBytes: [UInt8]
    /// Loaded `.gitignore` lists by directory (nil: no file there).
    private var directoryLists: [[UInt8]: IgnorePatternList?] = [:]
    /// Directories already found ignored (by themselves, not counting parents) or not.
    private var directoryVerdicts: [[UInt8]: Bool] = [:]

    private static let slash: UInt8 = 0x2F

    /// Rules for `workTree`, reading `gitDirectory/info/exclude` and
    /// `excludesFile` now (a missing or unreadable file counts as empty).
    public init(workTree: String, gitDirectory: String, excludesFile: String?, ignoreCase: Bool = false) {
        self.workTree = workTree
        self.ignoreCase = ignoreCase
        var wt = Array(workTree.utf8)
        while wt.count > 1 && wt.last == Self.slash { wt.removeLast() }
        self.workTreeBytes = wt
        var lists: [IgnorePatternList] = []
        let exclude = Array(gitDirectory.utf8) + Array("/info/exclude".utf8)
        if let content = RawFile.contents(of: exclude) {
            lists.append(IgnorePatternList(content: content, ignoreCase: ignoreCase))
        }
        if let excludesFile, let content = RawFile.contents(of: Array(excludesFile.utf8)) {
            lists.append(IgnorePatternList(content: content, ignoreCase: ignoreCase))
        }
        self.globalLists = lists
    }

    /// True if `path` (relative to the top, `/`-separated, no trailing slash)
    /// is ignored; `isDirectory` says whether it is a directory (directory-only
    /// patterns need it). Parents are checked first: a path below an ignored
    /// directory is ignored. Reads each directory's `.gitignore` at most once.
    public func isIgnored(_ path: [UInt8], isDirectory: Bool) -> Bool {
        var i = 0
        while i < path.count {
            if path[i] == Self.slash {
                let directory = Array(path[..<i])
                if isDirectoryIgnoredItself(directory) { return true }
            }
            i += 1
        }
        return verdict(for: path, isDirectory: isDirectory) == true
    }

    /// `isIgnored(_:isDirectory:)` with the argument label of `Spec/architecture.md`.
    public func isIgnored(path: [UInt8], isDirectory: Bool) -> Bool {
        isIgnored(path, isDirectory: isDirectory)
    }

    /// Whether `directory` matches an ignoring pattern by itself (parents not considered). Cached.
    func isDirectoryIgnoredItself(_ directory: [UInt8]) -> Bool {
        if let known = directoryVerdicts[directory] { return known }
        let ignored = verdict(for: directory, isDirectory: true) == true
        directoryVerdicts[directory] = ignored
        return ignored
    }

    /// The deciding pattern's verdict for `path` alone: true (ignored),
    /// false (re-included by `!`), nil (no pattern matches). Parents are not
    /// considered; the walker uses this for paths whose parents it has cleared.
    func verdict(for path: [UInt8], isDirectory: Bool) -> Bool? {
        let basenameStart = (path.lastIndex(of: Self.slash) ?? -1) + 1
        var end = basenameStart - 1
        while true {
            let directory = end > 0 ? Array(path[..<end]) : []
            if let list = patternList(for: directory),
                let pattern = list.lastMatch(path: path, basenameStart: basenameStart, isDirectory: isDirectory)
            {
                return !pattern.isNegated
            }
            guard end > 0 else { break }
            end = directory.lastIndex(of: Self.slash) ?? 0
        }
        for list in globalLists {
            if let pattern = list.lastMatch(path: path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return !pattern.isNegated
            }
        }
        return nil
    }

    /// `verdict(for:isDirectory:)` for a walker that already holds the
    /// `.gitignore` lists of the path's folder and its parents (innermost
    /// first, built folder by folder with `lists(inside:parent:)`): the same
    /// answer without a lookup or allocation per parent folder.
    func verdict(for path: [UInt8], isDirectory: Bool, lists: [IgnorePatternList]) -> Bool? {
        if lists.isEmpty && globalLists.isEmpty { return nil }
        let basenameStart = (path.lastIndex(of: Self.slash) ?? -1) + 1
        for list in lists {
            if let pattern = list.lastMatch(path: path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return !pattern.isNegated
            }
        }
        for list in globalLists {
            if let pattern = list.lastMatch(path: path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return !pattern.isNegated
            }
        }
        return nil
    }

    /// The `.gitignore` lists that apply to paths inside `directory`: its own
    /// (loaded now, once) before those of its parents (`parent`, as returned
    /// for the parent folder; `[]` above the top).
    func lists(inside directory: [UInt8], parent: [IgnorePatternList]) -> [IgnorePatternList] {
        guard let own = patternList(for: directory) else { return parent }
        return [own] + parent
    }

    /// The `.gitignore` of `directory` (relative, `""` for the top), loaded on first use.
    func patternList(for directory: [UInt8]) -> IgnorePatternList? {
        if let cached = directoryLists[directory] { return cached }
        var file = workTreeBytes
        if !directory.isEmpty { file += [Self.slash] + directory }
        file += Array("/.gitignore".utf8)
        var list: IgnorePatternList? = nil
        if let content = RawFile.contents(of: file, followSymlinks: false) {
            list = IgnorePatternList(content: content, base: directory, ignoreCase: ignoreCase)
        }
        directoryLists[directory] = .some(list)
        return list
    }
}
