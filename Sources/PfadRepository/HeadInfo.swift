import PfadObjects
import PfadStore

/// Where HEAD points: a branch (possibly unborn) or a detached commit.
public struct HeadInfo: Sendable, Equatable {
    /// Full ref name HEAD points at (`refs/heads/main`), nil when detached.
    public var refName: [UInt8]?
    /// The commit HEAD resolves to; nil on an unborn branch.
    public var commit: ObjectID?

    /// The branch's short name (`main`), nil when detached.
    public var branch: [UInt8]? {
        guard let refName else { return nil }
        let prefix = Array("refs/heads/".utf8)
        return refName.starts(with: prefix) ? Array(refName.dropFirst(prefix.count)) : refName
    }

    /// Reads HEAD of `repository`.
    public static func read(_ repository: Repository) throws -> HeadInfo {
        let head = Array("HEAD".utf8)
        switch try repository.refs.read(head) {
        case .symbolic(let target)?:
            guard RefName.isValid(target), target.starts(with: Array("refs/".utf8)) else {
                throw RepositoryError.other(
                    "HEAD points to an invalid ref '\(String(decoding: target, as: UTF8.self))'")
            }
            return HeadInfo(refName: target, commit: try repository.refs.resolve(target))
        case .direct(let id)?:
            return HeadInfo(refName: nil, commit: id)
        case nil:
            throw RepositoryError.other("HEAD is missing or invalid")
        }
    }
}
