import Foundation
import PfadObjects
import PfadStore

/// Tags (`refs/tags/*`): lightweight and annotated creation, deletion and
/// listing. An annotated tag object is byte-identical to git's for the same
/// target, name, tagger, date and message (message cleaned up in git's
/// default `strip` mode).
public struct TagOperation {
    /// The repository whose tags change.
    public let repository: Repository

    /// Tag operations on `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    static let tagsPrefix = Array("refs/tags/".utf8)

    /// `refs/tags/<name>`, or an error worded like git's when invalid.
    public func refName(_ name: String) throws -> [UInt8] {
        let full = Self.tagsPrefix + Array(name.utf8)
        guard !name.hasPrefix("-"), RefName.isValid(full) else {
            throw RepositoryError.other("'\(name)' is not a valid tag name.")
        }
        return full
    }

    /// Tag names, sorted bytewise, optionally filtered by a wildmatch pattern.
    public func list(pattern: [UInt8]? = nil) throws -> [[UInt8]] {
        try repository.refs.all(prefix: Self.tagsPrefix).map { Array($0.name.dropFirst(Self.tagsPrefix.count)) }
            .filter { name in pattern.map { WildMatch.match(pattern: $0, text: name) } ?? true }
    }

    /// Creates tag `name` for `target`: lightweight when `message` is nil,
    /// otherwise an annotated tag object whose tagger is the committer
    /// identity. Returns the id the ref points at.
    /// - Throws: an invalid name; `tag '<name>' already exists` unless `force`.
    @discardableResult
    public func create(
        _ name: String, target: ObjectID, message: String?, force: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ObjectID {
        let full = try refName(name)
        let existing = try repository.refs.resolve(full)
        if existing != nil && !force { throw RepositoryError.other("tag '\(name)' already exists") }
        var id = target
        if let message {
            let type = try repository.objectType(target)
            let tagger = try Identity.signature(for: .committer, settings: repository.settings, environment: environment)
            let cleaned = MessageCleanup.clean(Array(message.utf8), mode: .strip)
            let tag = Tag(object: target, type: type, name: Array(name.utf8), tagger: tagger, message: cleaned)
            id = try repository.objects.write(type: .tag, content: tag.serialized())
        }
        _ = try repository.refs.update(full, to: id, expected: existing.map { .value($0) } ?? .absent, reflog: nil)
        return id
    }

    /// Deletes tag `name`; returns what it pointed at, nil when there was no such tag.
    public func delete(_ name: String) throws -> ObjectID? {
        let full = Self.tagsPrefix + Array(name.utf8)
        guard RefName.isValid(full), let id = try repository.refs.resolve(full) else { return nil }
        try repository.refs.delete(full, expected: .value(id))
        return id
    }
}
