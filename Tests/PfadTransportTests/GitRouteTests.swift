import PfadTransport
import Testing

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
        #expect(throws: GitRouteError.unsupportedService("")) { try GitRoute(path: "/k.git/info/refs", serviceQuery: nil) }
        #expect(throws: GitRouteError.notFound(path: "/k.git/HEAD")) { try GitRoute(path: "/k.git/HEAD", serviceQuery: nil) }
        #expect(throws: GitRouteError.invalidRepositoryName("/../k.git")) {
            try GitRoute(path: "/../k.git/git-upload-pack", serviceQuery: nil)
        }
        #expect(throws: GitRouteError.invalidRepositoryName("/a/../k.git")) {
            try GitRoute(path: "/a/%2e%2e/k.git/git-upload-pack", serviceQuery: nil)
        }
        #expect(throws: GitRouteError.invalidRepositoryName("")) { try GitRoute(path: "/git-upload-pack", serviceQuery: nil) }
    }
}
