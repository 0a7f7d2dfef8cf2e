import Foundation
import PfadRepository
import PfadTransport
import Testing
@testable import PfadServer

@Suite struct GitRouteTests {
    @Test func parsesTheThreeSmartHTTPRoutes() throws {
        let refs = try GitRoute(path: "/gemeinden/olpe.git/info/refs", serviceQuery: "git-receive-pack")
        #expect(refs.repository == "gemeinden/olpe.git" && refs.service == .receivePack && refs.kind == .advertisement)
        let upload = try GitRoute(path: "/katalog.git/git-upload-pack", serviceQuery: nil)
        #expect(upload.repository == "katalog.git" && upload.service == .uploadPack && upload.kind == .rpc)
        let receive = try GitRoute(path: "/k%C3%B6ln/git-receive-pack", serviceQuery: nil)
        #expect(receive.repository == "köln" && receive.service == .receivePack && receive.kind == .rpc)
    }

    @Test func refusesDumbHTTPAndEscapes() {
        #expect(throws: ServerError.unsupportedService("")) { try GitRoute(path: "/k.git/info/refs", serviceQuery: nil) }
        #expect(throws: ServerError.notFound(path: "/k.git/HEAD")) { try GitRoute(path: "/k.git/HEAD", serviceQuery: nil) }
        #expect(throws: ServerError.invalidRepositoryName("/../k.git")) {
            try GitRoute(path: "/../k.git/git-upload-pack", serviceQuery: nil)
        }
        #expect(throws: ServerError.invalidRepositoryName("/a/../k.git")) {
            try GitRoute(path: "/a/%2e%2e/k.git/git-upload-pack", serviceQuery: nil)
        }
        #expect(throws: ServerError.invalidRepositoryName("")) { try GitRoute(path: "/git-upload-pack", serviceQuery: nil) }
    }
}

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

