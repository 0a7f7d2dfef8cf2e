/// Walks a work tree the way `git status` and `git add -A` see it: `lstat`
/// only (symlinks are entries, never followed), `.git` skipped at every
/// level, nested repositories reported but not entered, ignore rules applied,
/// results in git's index order (byte order of full paths).
///
/// Uses `opendir`/`readdir`/`fstatat` directly: one `fstatat` per entry, no
/// Foundation enumerators.
public struct WorkTreeWalker {
    /// How `untracked(tracked:mode:)` reports untracked directories.
    public enum UntrackedMode: Sendable, Hashable {
        /// `--untracked-files=normal`: a directory with no tracked content is
        /// one entry (`dir/`) if it holds any untracked, non-ignored file.
        case normal
        /// `--untracked-files=all`: every untracked file individually.
        case all
    }

    /// The work-tree root.
    public let workTree: String
    /// The ignore rules; nil ignores nothing.
    public let ignoreRules: IgnoreRules?
    let root: [UInt8]

    static let slash: UInt8 = 0x2F

    /// A walker over `workTree` using `ignoreRules`.
    public init(workTree: String, ignoreRules: IgnoreRules?) {
        self.workTree = workTree
        self.ignoreRules = ignoreRules
        var bytes = Array(workTree.utf8)
        while bytes.count > 1 && bytes.last == Self.slash { bytes.removeLast() }
        self.root = bytes
    }

    /// The absolute path bytes of relative `path`.
    func absolute(_ path: [UInt8]) -> [UInt8] {
        path.isEmpty ? root : root + [Self.slash] + path
    }

    /// `directory + "/" + name`, or `name` at the top.
    static func join(_ directory: [UInt8], _ name: [UInt8]) -> [UInt8] {
        directory.isEmpty ? name : directory + [slash] + name
    }

    /// Reads a directory given relative to the root; nil if it vanished.
    func readListing(_ directory: [UInt8], withStat: Bool = true) throws -> DirectoryListing? {
        try DirectoryListing.read(absolute(directory), withStat: withStat)
    }

    /// Every file, symlink and nested repository that is tracked or not
    /// ignored — what `git add -A` considers. Ignored directories are entered
    /// only when `tracked` has paths below them, and then yield only tracked
    /// paths. `tracked` must be sorted in index order (`IndexFile.trackedPaths`).
    /// O(entries × log tracked).
    public func files(tracked: [[UInt8]] = []) throws -> [WorkTreeEntry] {
        let index = TrackedPaths(tracked)
        var out: [WorkTreeEntry] = []
        guard let top = try readListing([]) else { return out }
        try collectFiles(
            in: [], listing: top, insideIgnored: false, scope: IgnoreScope(rules: ignoreRules, directory: [], parent: nil), tracked: index, into: &out)
        return out
    }

    private func collectFiles(
        in directory: [UInt8], listing: DirectoryListing, insideIgnored: Bool, scope: IgnoreScope,
        tracked: TrackedPaths, into out: inout [WorkTreeEntry]
    ) throws {
        for item in listing.items {
            guard let kind = item.kind else { continue }
            let path = Self.join(directory, item.name)
            let isTracked = tracked.contains(path)
            switch kind {
            case .file, .symlink, .repository:
                if isTracked || (!insideIgnored && !scope.isExcluded(path, isDirectory: false)) {
                    out.append(WorkTreeEntry(path: path, stat: item.stat, kind: kind))
                }
            case .directory:
                let ignored = insideIgnored || scope.isExcluded(path, isDirectory: true)
                let hasTrackedBelow = tracked.hasPaths(below: path)
                if ignored && !hasTrackedBelow && !isTracked { continue }
                guard let sub = try readListing(path) else { continue }
                if sub.hasDotGit && NestedRepository.isRepository(absolute(path)) {
                    if isTracked || !ignored { out.append(WorkTreeEntry(path: path, stat: item.stat, kind: .repository)) }
                    continue
                }
                try collectFiles(
                    in: path, listing: sub, insideIgnored: ignored, scope: scope.child(path),
                    tracked: tracked, into: &out)
            }
        }
    }
}
