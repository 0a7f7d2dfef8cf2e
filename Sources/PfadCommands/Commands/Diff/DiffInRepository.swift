import Foundation
import PfadDiff
import PfadObjects
import PfadRepository

/// `pfad diff` inside a repository (`Documentation/git-diff.txt`): work
/// tree against index, `--cached [REV]`, `REV` (work tree against REV),
/// `A B`, `A..B` and `A...B` (from the merge base), limited by paths.
enum DiffInRepository {
    /// What the command line compares.
    enum Comparison: Equatable {
        case workTreeToIndex
        case indexToTree(ObjectID?)
        case workTreeToTree(ObjectID?)
        case trees(ObjectID?, ObjectID)
    }

    /// Runs the diff and prints it; returns true when something differs.
    static func run(_ options: DiffOptions, _ io: CommandIO) throws -> Bool {
        let repository = try CommandContext.repository(io)
        var options = options
        options.quotePath = CommandContext.quotePath(repository)
        let (comparison, pathArguments) = try resolve(options, in: repository)
        let pathspec = try pathArguments.isEmpty
            ? nil
            : Pathspec(
                arguments: pathArguments, prefix: repository.prefix,
                workTree: repository.workTree ?? repository.gitDirectory)
        let treeDiff = TreeDiff(repository, pathspec: pathspec)
        let changes: [TreeChange]
        switch comparison {
        case .workTreeToIndex:
            changes = try treeDiff.workTree(against: try readIndex(repository))
        case .indexToTree(let tree):
            changes = try treeDiff.index(try readIndex(repository), againstTree: tree)
        case .workTreeToTree(let tree):
            changes = try treeDiff.workTree(against: try readIndex(repository), tree: tree)
        case .trees(let old, let new):
            changes = try treeDiff.trees(old: old, new: new)
        }
        if options.quiet { return !changes.isEmpty }
        io.out.write(try DiffRevisions(repository: repository, options: options).render(changes))
        return !changes.isEmpty
    }

    static func readIndex(_ repository: Repository) throws -> IndexFile {
        try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
    }

    /// Splits the arguments into revisions and paths, as git does: before
    /// `--`, an argument naming a revision is one, else it must name a
    /// work-tree path.
    static func resolve(_ options: DiffOptions, in repository: Repository) throws -> (Comparison, [String]) {
        let split = options.pathsBeforeSeparator ?? options.paths.count
        var revisionArguments: [String] = []
        var resolved: [String: ObjectID] = [:]  // resolving `HEAD~N` walks N commits: do it once
        var paths = Array(options.paths[split...])
        let parser = RevisionParser(repository)
        var index = 0
        let candidates = Array(options.paths[..<split])
        while index < candidates.count {
            let arg = candidates[index]
            let resolvedID = isRange(arg) ? nil : (try? parser.resolve(arg)) ?? nil
            if isRange(arg) || resolvedID != nil {
                revisionArguments.append(arg)
                if let resolvedID { resolved[arg] = resolvedID }
                index += 1
                continue
            }
            guard options.pathsBeforeSeparator == nil, repository.isWorkTreePath(arg) else {
                throw Repository.neitherRevisionNorPath(arg)
            }
            paths = Array(candidates[index...]) + paths
            break
        }
        return (try comparison(revisionArguments, cached: options.cached, repository: repository, resolved: resolved), paths)
    }

    static func isRange(_ arg: String) -> Bool {
        arg.contains("..")
    }

    static func comparison(
        _ revisions: [String], cached: Bool, repository: Repository, resolved: [String: ObjectID] = [:]
    ) throws -> Comparison {
        func object(_ spec: String) throws -> ObjectID {
            if let id = resolved[spec] { return id }
            return try CommandContext.object(spec, in: repository)
        }
        if revisions.count == 1, let range = revisions.first, range.contains("..") {
            let symmetric = range.contains("...")
            let parts = range.components(separatedBy: symmetric ? "..." : "..")
            guard parts.count == 2 else { throw FatalError("bad revision '\(range)'") }
            let left = try commit(parts[0].isEmpty ? "HEAD" : parts[0], repository)
            let right = try commit(parts[1].isEmpty ? "HEAD" : parts[1], repository)
            var old = left
            if symmetric {
                guard let base = try MergeBase(cache: CommitCache(repository)).bases(left, [right]).first else {
                    throw FatalError("\(range): no merge base")
                }
                old = base
            }
            return .trees(try tree(old, repository), try tree(right, repository))
        }
        switch revisions.count {
        case 0:
            if cached { return .indexToTree(try headTree(repository)) }
            return .workTreeToIndex
        case 1:
            let t = try tree(try object(revisions[0]), repository)
            return cached ? .indexToTree(t) : .workTreeToTree(t)
        case 2:
            let old = try tree(try object(revisions[0]), repository)
            return .trees(old, try tree(try object(revisions[1]), repository))
        default:
            throw FatalError("combined diffs of more than two revisions are not supported")
        }
    }

    static func commit(_ spec: String, _ repository: Repository) throws -> ObjectID {
        let id = try CommandContext.object(spec, in: repository)
        guard let commit = try repository.peel(id, to: .commit) else {
            throw FatalError("\(spec): not a commit")
        }
        return commit
    }

    static func tree(_ id: ObjectID, _ repository: Repository) throws -> ObjectID {
        guard let tree = try repository.peel(id, to: .tree) else {
            throw FatalError("object \(id.hex) is not a tree or commit")
        }
        return tree
    }

    /// HEAD's tree, or nil on an unborn branch (the empty tree).
    static func headTree(_ repository: Repository) throws -> ObjectID? {
        guard let head = try HeadInfo.read(repository).commit else { return nil }
        return try repository.readCommit(head).tree
    }
}
