import Foundation
import PfadObjects
import PfadStore

/// The commits named on a `log`/`rev-list` command line
/// (`Documentation/revisions.txt`, "Specifying Ranges"): `REV`, `^REV`,
/// `A..B` (`^A B`), `A...B` (`A B ^merge-bases`), `--not`, `--all`, and the
/// paths after `--` or that name files when they are not revisions.
public struct RevisionSet {
    /// Tips to walk from, in the order given.
    public var include: [ObjectID] = []
    /// Tips whose history is left out.
    public var exclude: [ObjectID] = []
    /// Limiting paths as given (relative to the current folder).
    public var paths: [String] = []

    /// An empty set.
    public init() {}

    /// True when no tip was given (the command then uses `HEAD`).
    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Adds one revision argument: `REV`, `^REV`, `A..B`, `A...B`.
    /// `negated` flips its sense (`--not`).
    /// - Returns: false when the argument names no revision.
    /// - Throws: `RepositoryError` for ambiguous names or unreadable objects.
    public mutating func add(_ argument: String, negated: Bool = false, cache: CommitCache) throws -> Bool {
        let repository = cache.repository
        let parser = RevisionParser(repository)
        if let range = argument.range(of: "...") {
            let left = String(argument[..<range.lowerBound]), right = String(argument[range.upperBound...])
            guard let a = try commit(left.isEmpty ? "HEAD" : left, parser),
                  let b = try commit(right.isEmpty ? "HEAD" : right, parser) else { return false }
            let bases = try MergeBase(cache: cache).bases(a, [b])
            if negated {
                exclude += [a, b]
            } else {
                include += [a, b]
                exclude += bases
            }
            return true
        }
        if let range = argument.range(of: "..") {
            let left = String(argument[..<range.lowerBound]), right = String(argument[range.upperBound...])
            guard let a = try commit(left.isEmpty ? "HEAD" : left, parser),
                  let b = try commit(right.isEmpty ? "HEAD" : right, parser) else { return false }
            if negated {
                include.append(a)
                exclude.append(b)
            } else {
                exclude.append(a)
                include.append(b)
            }
            return true
        }
        var spec = argument
        var negative = negated
        if spec.hasPrefix("^") && spec.count > 1 {
            spec.removeFirst()
            negative.toggle()
        }
        guard let id = try commit(spec, parser) else { return false }
        if negative { exclude.append(id) } else { include.append(id) }
        return true
    }

    /// Adds every ref under `refs/` and `HEAD` (`--all`), skipping refs that
    /// do not lead to a commit.
    public mutating func addAll(negated: Bool = false, repository: Repository) throws {
        var tips: [ObjectID] = []
        for (_, id) in try repository.refs.all() {
            if let c = try? repository.peel(id, to: .commit) { tips.append(c) }
        }
        if let head = try repository.refs.resolve(Array("HEAD".utf8)), let c = try? repository.peel(head, to: .commit) {
            tips.append(c)
        }
        if negated { exclude += tips } else { include += tips }
    }

    /// The commit `spec` names, tags peeled; nil when it names nothing.
    /// - Throws: `RepositoryError.wrongObjectType` when it names a tree or blob.
    private func commit(_ spec: String, _ parser: RevisionParser) throws -> ObjectID? {
        guard let id = try parser.resolve(spec) else { return nil }
        guard let c = try parser.repository.peel(id, to: .commit) else {
            throw RepositoryError.other("object \(id.hex) is a \(try parser.repository.objectType(id).rawValue), not a commit")
        }
        return c
    }

    /// Limiting paths relative to the repository root ('/'-separated, no
    /// trailing '/'); "" for the whole tree.
    public func repositoryPaths(prefix: [UInt8]) -> [[UInt8]] {
        paths.map { Self.normalize(prefix + Array($0.utf8)) }
    }

    /// Resolves `.`, `..` and repeated slashes in a relative path.
    static func normalize(_ path: [UInt8]) -> [UInt8] {
        var parts: [ArraySlice<UInt8>] = []
        for part in path.split(separator: 0x2F) {
            if part.elementsEqual([0x2E]) { continue }
            if part.elementsEqual([0x2E, 0x2E]) {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return Array(parts.joined(separator: [0x2F]))
    }
}
