import Foundation
import Testing
import PfadObjects
import PfadStore
@testable import PfadRepository

@Suite struct RepositoryTests {
    @Test func initWritesGitsLayoutAndConfig() throws {
        let t = try TestRepository(algorithm: .sha256)
        defer { t.remove() }
        let git = t.root + "/.git"
        for path in ["HEAD", "config", "description", "info/exclude", "objects/info", "objects/pack", "refs/heads", "refs/tags"] {
            #expect(FileManager.default.fileExists(atPath: git + "/" + path), "\(path)")
        }
        #expect(try String(contentsOfFile: git + "/HEAD", encoding: .utf8) == "ref: refs/heads/main\n")
        let repo = try t.reopened()
        #expect(repo.algorithm == .sha256)
        #expect(repo.config.get("extensions.objectformat") == "sha256")
        #expect(repo.config.get("core.repositoryformatversion") == "1")
        // Re-initialising keeps what is there.
        let (again, outcome) = try Repository.initialize(at: t.root, bare: false, algorithm: .sha256)
        #expect(outcome == .reinitialized)
        #expect(again.gitDirectory == repo.gitDirectory)
        #expect(throws: RepositoryError.self) { try Repository.initialize(at: t.root, bare: false, algorithm: .sha1) }
    }

    @Test func discoveryFromASubfolderSetsThePrefix() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("Leitfäden/01/a.md", "a\n")
        let repo = try Repository.discover(from: t.root + "/Leitfäden/01")
        #expect(repo.workTree == t.repository.workTree)
        #expect(repo.prefix == Array("Leitfäden/01/".utf8))
        #expect(try Repository.discover(from: t.root).prefix == [])
    }

    @Test func discoveryOutsideAnyRepositoryFails() throws {
        let dir = "/dev/shm/pfad-norepo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: RepositoryError.notARepository) { try Repository.discover(from: dir) }
    }

    @Test func bareRepositoriesHaveNoWorkTree() throws {
        let dir = "/dev/shm/pfad-bare-\(UUID().uuidString).git"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (repo, _) = try Repository.initialize(at: dir, bare: true)
        #expect(repo.isBare)
        let found = try Repository.discover(from: dir)
        #expect(found.isBare)
        #expect(throws: RepositoryError.bareRepository(operation: "status")) { try found.requireWorkTree("status") }
    }

    @Test func unsupportedFormatsAreRefused() throws {
        let t = try TestRepository()
        defer { t.remove() }
        var config = try ConfigFile.load(path: t.root + "/.git/config")
        try config.set("core.repositoryformatversion", "1")
        try config.set("extensions.objectformat", "md5")
        try ConfigFile.save(config, to: t.root + "/.git/config")
        #expect(throws: RepositoryError.unsupportedFormat("extensions.objectformat = md5")) { try t.reopened() }
    }
}

@Suite struct HeadInfoTests {
    @Test func headPointingOutsideRefsIsRefused() throws {
        let t = try TestRepository()
        defer { t.remove() }
        #expect(try HeadInfo.read(t.repository).refName == Array("refs/heads/main".utf8))
        try "ref: refs/heads/../../config\n".write(toFile: t.root + "/.git/HEAD", atomically: true, encoding: .utf8)
        #expect(throws: RepositoryError.other("HEAD points to an invalid ref 'refs/heads/../../config'")) {
            try HeadInfo.read(try t.reopened())
        }
    }
}
