import Foundation
import PfadObjects
@testable import PfadRepository

/// A throwaway repository made through the API in /dev/shm, with helpers to
/// write files and commit. No processes are started.
struct TestRepository {
    let root: String
    let repository: Repository

    init(algorithm: HashAlgorithm = .sha1) throws {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = base + "/pfad-repo-test-\(UUID().uuidString)"
        repository = try Repository.initialize(at: root, bare: false, algorithm: algorithm, initialBranch: "main").0
    }

    /// Writes `content` to `path` (relative), creating folders; optionally sets its mtime `age` seconds into the past.
    func write(_ path: String, _ content: String, age: Int? = nil) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        if let age {
            let date = Date(timeIntervalSinceNow: TimeInterval(-age))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: full)
        }
    }

    /// Environment with fixed identities for commits.
    static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Anna Schäfer", "GIT_AUTHOR_EMAIL": "anna@arnsberg.example", "GIT_AUTHOR_DATE": "1700000000 +0100",
        "GIT_COMMITTER_NAME": "Anna Schäfer", "GIT_COMMITTER_EMAIL": "anna@arnsberg.example", "GIT_COMMITTER_DATE": "1700000000 +0100",
    ]

    /// Stages everything.
    func addAll() throws {
        try AddOperation(repository).run(.all)
    }

    /// The repository re-opened (as a new command would).
    func reopened() throws -> Repository {
        try Repository.discover(from: root)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension TestRepository {
    /// Commits the index with `message` and fixed identities; returns the id.
    @discardableResult
    func commit(_ message: String, allowEmpty: Bool = false) throws -> ObjectID {
        var options = CommitOperation.Options(messages: [message])
        options.allowEmpty = allowEmpty
        options.environment = Self.environment
        return try CommitOperation(repository).run(options).id
    }
}
