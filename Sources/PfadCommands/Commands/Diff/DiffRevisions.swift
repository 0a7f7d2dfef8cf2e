import PfadDiff
import PfadObjects
import PfadRepository

/// Diffs inside a repository: turns `TreeChange`s (from `TreeDiff`) into
/// `FilePatch`es — loading blob or work-tree contents and abbreviating ids —
/// and prints them through `DiffPrinter`, the same printer `--no-index`
/// uses. This is the entry point for other commands that print patches
/// (`show`, `log -p`, `commit`'s summary).
struct DiffRevisions {
    /// The repository the contents come from.
    let repository: Repository
    /// Output and rename options.
    let options: DiffOptions
    private let cache: ContentCache

    /// A converter for `repository` under `options` (`diff.indentHeuristic`
    /// from the repository's configuration unless the options set it).
    init(repository: Repository, options: DiffOptions) {
        self.repository = repository
        var options = options
        options.applyConfiguration(repository.settings)
        self.options = options
        self.cache = ContentCache(repository: repository)
    }

    // MARK: - Entry points

    /// The output of `git diff OLD NEW` for two trees (nil: the empty tree),
    /// in `options`' formats, limited to `pathspec`.
    static func render(
        trees old: ObjectID?, _ new: ObjectID?, repository: Repository, options: DiffOptions,
        pathspec: Pathspec? = nil
    ) throws -> [UInt8] {
        let revisions = DiffRevisions(repository: repository, options: options)
        let changes = try TreeDiff(repository, pathspec: pathspec).trees(old: old, new: new)
        return try revisions.render(changes)
    }

    /// The output of `git show COMMIT`'s diff part: the commit against its
    /// first parent (a root commit against the empty tree).
    static func render(commit: ObjectID, repository: Repository, options: DiffOptions) throws -> [UInt8] {
        let revisions = DiffRevisions(repository: repository, options: options)
        let changes = try TreeDiff(repository).commitAgainstFirstParent(commit)
        return try revisions.render(changes)
    }

    /// `changes` (renames not yet detected) printed in `options`' formats.
    func render(_ changes: [TreeChange]) throws -> [UInt8] {
        // With -R the printer also swaps the prefixes (`b/new a/old`), as git.
        try DiffPrinter.render(try items(changes), options: options)
    }

    // MARK: - Conversion

    /// `changes` reversed for `-R`, after rename detection (when `options.renames`), as
    /// printable items in the same order. Reads the contents of every
    /// changed file when a patch or stat is printed; only ids otherwise.
    func items(_ changes: [TreeChange]) throws -> [DiffPrinter.Item] {
        // -R swaps the sides before renames are looked for, as git does.
        var changes = options.reverse ? changes.map(Self.reversed) : changes
        if options.renames {
            changes = try RenameDetection(threshold: options.renameThreshold).apply(to: changes) {
                try content($0, remember: true)
            }
        }
        return try changes.map(item)
    }

    /// One change as a printer item; a type change becomes a deletion and
    /// an addition in patch output, as in git.
    func item(_ change: TreeChange) throws -> DiffPrinter.Item {
        let needsContent = options.needsContent
        let old = try change.old.map { try side($0, withContent: needsContent) }
        let new = try change.new.map { try side($0, withContent: needsContent) }
        let patch = FilePatch(
            old: old, new: new, algorithm: options.algorithm, similarity: change.similarity,
            indentHeuristic: options.usesIndentHeuristic)
        var item = DiffPrinter.Item(patch, letter: change.statusLetter)
        if change.similarity == nil { item.statName = change.path }
        item.nameOnly = change.path
        if change.isTypeChange {
            item.parts = [
                FilePatch(old: old, new: nil, algorithm: options.algorithm),
                FilePatch(old: nil, new: new, algorithm: options.algorithm),
            ]
        }
        return item
    }

    /// The printable side of an endpoint: content (when needed) and the
    /// abbreviated id.
    func side(_ endpoint: DiffEndpoint, withContent: Bool) throws -> FileSide {
        let content = withContent ? try self.content(endpoint) : []
        return FileSide(
            path: endpoint.path, mode: endpoint.mode.rawValue, content: content,
            abbreviatedID: options.needsObjectIDs ? Array(try abbreviate(endpoint.id).utf8) : [])
    }

    /// The bytes of an endpoint: the work-tree file, the blob, or git's
    /// `Subproject commit <id>` line for a submodule.
    /// Contents read for rename detection are kept (`remember`) until the
    /// patch takes them, so each file is read once.
    func content(_ endpoint: DiffEndpoint, remember: Bool = false) throws -> [UInt8] {
        if let cached = cache.contents[endpoint] {
            if !remember { cache.contents[endpoint] = nil }
            return cached
        }
        let bytes: [UInt8]
        if endpoint.mode.isGitlink {
            bytes = Array("Subproject commit ".utf8) + endpoint.id.hexBytes + [0x0A]
        } else if endpoint.inWorkTree {
            let root = try repository.requireWorkTree("diff")
            bytes = try WorkTreeFiles.content(
                at: WorkTreeFiles.fullPath(root, endpoint.path), isSymlink: endpoint.mode.isSymlink)
        } else {
            let object = try repository.readObject(endpoint.id)
            guard object.type == .blob else {
                throw RepositoryError.wrongObjectType(id: endpoint.id, expected: .blob, actual: object.type)
            }
            bytes = object.content
        }
        if remember { cache.contents[endpoint] = bytes }
        return bytes
    }

    /// The shortest unique abbreviation (at least 7 digits), cached per id
    /// (`Abbreviator`: one listing of all objects once many ids are needed).
    func abbreviate(_ id: ObjectID) throws -> String {
        try cache.abbreviator.abbreviate(id)
    }

    static func reversed(_ change: TreeChange) -> TreeChange {
        TreeChange(old: change.new, new: change.old, similarity: change.similarity)
    }
}

/// Contents and abbreviations already computed during one diff (rename
/// detection reads the contents the patch needs again).
private final class ContentCache {
    var contents: [DiffEndpoint: [UInt8]] = [:]
    let abbreviator: Abbreviator

    init(repository: Repository) {
        abbreviator = Abbreviator(repository: repository)
    }
}
