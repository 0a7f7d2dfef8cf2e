import PfadObjects
import PfadStore

/// Ref names shown next to commits (`--decorate`, `%d`, `%D`), grouped by
/// the object they point at, in git's order: `HEAD` first (as
/// `HEAD -> branch` when HEAD is a branch that points here), then the other
/// refs in reverse name order. Annotated tags decorate the tag object and
/// the object it peels to.
public struct Decorations: Sendable {
    /// How ref names are printed.
    public enum Style: Sendable {
        /// `main`, `tag: v1`, `origin/x`.
        case short
        /// `refs/heads/main`, `tag: refs/tags/v1`.
        case full
    }

    private struct Label: Sendable {
        var name: [UInt8]
        var isTag: Bool
        var isHead: Bool
    }

    private var labels: [ObjectID: [Label]] = [:]
    private var headTarget: [UInt8]?
    private let style: Style

    /// Reads HEAD and every ref under `refs/`. O(refs) reads.
    /// - Throws: store errors for unreadable refs or tags.
    public init(repository: Repository, style: Style = .short) throws {
        self.style = style
        for (name, id) in try repository.refs.all() {
            add(name: name, to: id, repository: repository)
        }
        let head = Array("HEAD".utf8)
        if let id = try repository.refs.resolve(head) {
            if case .symbolic(let target)? = try repository.refs.read(head) { headTarget = target }
            labels[id, default: []].append(Label(name: head, isTag: false, isHead: true))
        }
    }

    private mutating func add(name: [UInt8], to id: ObjectID, repository: Repository) {
        let isTag = name.starts(with: Array("refs/tags/".utf8))
        labels[id, default: []].append(Label(name: name, isTag: isTag, isHead: false))
        var current = id
        for _ in 0..<16 {
            guard (try? repository.objectType(current)) == .tag, let tag = try? repository.readTag(current) else { return }
            current = tag.object
            labels[current, default: []].append(Label(name: name, isTag: true, isHead: false))
        }
    }

    /// The decoration of `id` without parentheses (`%D`): labels joined by
    /// ", "; empty when no ref points here.
    public func list(_ id: ObjectID) -> [UInt8] {
        guard let entries = labels[id] else { return [] }
        var parts: [[UInt8]] = []
        var skipBranch: [UInt8]?
        if entries.contains(where: \.isHead) {
            if let target = headTarget, entries.contains(where: { !$0.isHead && $0.name == target }) {
                parts.append(Array("HEAD -> ".utf8) + display(target, isTag: false))
                skipBranch = target
            } else {
                parts.append(Array("HEAD".utf8))
            }
        }
        for label in entries.reversed() where !label.isHead && label.name != skipBranch {
            parts.append((label.isTag ? Array("tag: ".utf8) : []) + display(label.name, isTag: label.isTag))
        }
        return Array(parts.joined(separator: Array(", ".utf8)))
    }

    /// The decoration with a leading space and parentheses (`%d`,
    /// `--decorate`); empty when no ref points here.
    public func parenthesized(_ id: ObjectID) -> [UInt8] {
        let inner = list(id)
        return inner.isEmpty ? [] : Array(" (".utf8) + inner + [0x29]
    }

    private func display(_ name: [UInt8], isTag: Bool) -> [UInt8] {
        guard style == .short else { return name }
        for prefix in ["refs/heads/", "refs/tags/", "refs/remotes/"] {
            let p = Array(prefix.utf8)
            if name.starts(with: p) { return Array(name.dropFirst(p.count)) }
        }
        return name
    }
}
