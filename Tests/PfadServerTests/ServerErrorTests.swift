import PfadTransport
import Testing
@testable import PfadServer

@Suite struct ServerErrorTests {
    @Test func routeErrorsKeepTheirStatuses() {
        // As before GitRoute moved down to PfadTransport: unknown paths and
        // bad names 404, dumb HTTP 403 (git http-backend's answer).
        #expect(ServerError(GitRouteError.notFound(path: "/k.git/HEAD")) == .notFound(path: "/k.git/HEAD"))
        #expect(ServerError(GitRouteError.notFound(path: "/x")).httpStatus == 404)
        #expect(ServerError(GitRouteError.invalidRepositoryName("/../k")).httpStatus == 404)
        #expect(ServerError(GitRouteError.unsupportedService("")).httpStatus == 403)
        #expect(ServerError(GitRouteError.unsupportedService("x")) == .unsupportedService("x"))
    }
}
