import Foundation
import PfadKit

/// A temporary folder with helpers to make repositories and commits through
/// the library API only (no git, no pfad process).
final class KitFixture {
    let root: String
    /// Fixed identities and dates, so ids are stable.
    let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Anna Becker", "GIT_AUTHOR_EMAIL": "anna@arnsberg.example",
        "GIT_AUTHOR_DATE": "1700000000 +0100",
        "GIT_COMMITTER_NAME": "Anna Becker", "GIT_COMMITTER_EMAIL": "anna@arnsberg.example",
        "GIT_COMMITTER_DATE": "1700000000 +0100",
    ]

    init() throws {
        root = NSTemporaryDirectory() + "pfadkit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A new repository at `root/name`.
    func repository(_ name: String, bare: Bool = false) throws -> Repository {
        try Repository.initialize(at: root + "/" + name, bare: bare).0
    }

    /// Writes `text` to `path` in the work tree of `repository`.
    func write(_ text: String, to path: String, in repository: Repository) throws {
        let full = (repository.workTree ?? root) + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Reads `path` from the work tree of `repository`.
    func read(_ path: String, in repository: Repository) -> String? {
        FileManager.default.contents(atPath: (repository.workTree ?? root) + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes, stages and commits one file; returns the commit id.
    @discardableResult
    func commit(_ text: String, to path: String, in repository: Repository, message: String) throws -> ObjectID {
        try write(text, to: path, in: repository)
        try repository.add([path])
        return try repository.commit(message: message, environment: environment).id
    }
}
