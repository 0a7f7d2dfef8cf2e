import Testing
@testable import PfadTransport

struct RemoteLocationTests {
    @Test func classifiesPathsFileAndHTTPURLs() throws {
        #expect(try RemoteLocation("/srv/katalog.git") == .local(path: "/srv/katalog.git"))
        #expect(try RemoteLocation("../katalog") == .local(path: "../katalog"))
        #expect(try RemoteLocation("file:///srv/Leitf%C3%A4den.git") == .local(path: "/srv/Leitfäden.git"))
        #expect(try RemoteLocation("https://example.org/katalog.git") == .http(url: "https://example.org/katalog.git"))
        #expect(throws: TransportError.self) { try RemoteLocation("ssh://host/katalog.git") }
        #expect(throws: TransportError.self) { try RemoteLocation("host:katalog.git") }
    }

    /// git 2.39 prints `To http://127.0.0.1:8080/katalog.git` for a push to
    /// `http://arnsberg:geheim@127.0.0.1:8080/katalog.git` (checked by hand).
    @Test func anonymizedURLsDropCredentials() {
        #expect(RemoteLocation.anonymized("http://arnsberg:geheim@127.0.0.1:8080/katalog.git") == "http://127.0.0.1:8080/katalog.git")
        #expect(RemoteLocation.anonymized("https://anna@example.org/a@b.git") == "https://example.org/a@b.git")
        #expect(RemoteLocation.anonymized("https://example.org/a@b.git") == "https://example.org/a@b.git")
        #expect(RemoteLocation.anonymized("/srv/katalog.git") == "/srv/katalog.git")
    }
}
