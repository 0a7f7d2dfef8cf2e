import Foundation
import PfadRepository
import PfadTransport
import Testing
@testable import PfadServer

@Suite struct RepositoryResolverTests {
    @Test func findsBareAndWorkTreeRepositoriesAndRefusesSymlinkEscapes() throws {
        let base = NSTemporaryDirectory().hasPrefix("/dev/shm") ? NSTemporaryDirectory() : "/dev/shm/"
        let root = base + "pfad-resolver-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outside = root + "-outside"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = try Repository.initialize(at: root + "/katalog.git", bare: true)
        _ = try Repository.initialize(at: root + "/olpe", bare: false)
        _ = try Repository.initialize(at: outside + "/geheim.git", bare: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.git", withDestinationPath: outside + "/geheim.git")
        let resolver = try RepositoryResolver(root: root)
        #expect(try resolver.locate("katalog.git").workTree == nil)
        #expect(try resolver.locate("katalog").gitDirectory.hasSuffix("/katalog.git"))
        #expect(try resolver.locate("olpe").gitDirectory.hasSuffix("/olpe/.git"))
        #expect(throws: ServerError.repositoryNotFound(name: "menden.git")) { try resolver.locate("menden.git") }
        #expect(throws: ServerError.invalidRepositoryName("link.git")) { try resolver.locate("link.git") }
    }
}

