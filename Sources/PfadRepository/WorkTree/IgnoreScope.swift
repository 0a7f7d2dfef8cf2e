/// The `.gitignore` lists that apply inside one folder of a walk, loaded
/// only when a path in that folder is first checked. Like git, a walk then
/// never reads the `.gitignore` of a folder that holds only tracked files
/// (tracked paths are not checked against ignore rules).
///
/// One per folder entered; the parent's scope is loaded first when needed.
final class IgnoreScope {
    private let rules: IgnoreRules?
    private let directory: [UInt8]
    private let parent: IgnoreScope?
    private var loaded: [IgnorePatternList]?

    /// The scope of the work-tree top (`directory` empty) or of a folder below `parent`.
    init(rules: IgnoreRules?, directory: [UInt8], parent: IgnoreScope?) {
        self.rules = rules
        self.directory = directory
        self.parent = parent
    }

    /// The scope of `directory`, a subfolder of this scope's folder.
    func child(_ directory: [UInt8]) -> IgnoreScope {
        IgnoreScope(rules: rules, directory: directory, parent: self)
    }

    /// The lists for paths in this folder, innermost first (reads this
    /// folder's `.gitignore` on first use).
    var lists: [IgnorePatternList] {
        if let loaded { return loaded }
        let lists = rules?.lists(inside: directory, parent: parent?.lists ?? []) ?? []
        loaded = lists
        return lists
    }

    /// True if the rules exclude `path` (in this folder) itself.
    func isExcluded(_ path: [UInt8], isDirectory: Bool) -> Bool {
        guard let rules else { return false }
        return rules.verdict(for: path, isDirectory: isDirectory, lists: lists) == true
    }
}
