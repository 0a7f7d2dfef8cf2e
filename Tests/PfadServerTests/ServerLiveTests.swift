import Foundation
import PfadHTTPClient
import PfadRepository
import PfadStore
import PfadTransport
import Testing
@testable import PfadServer

@Suite(.serialized, .timeLimit(.minutes(1))) struct ServerLiveTests {
    private func withServer(anonymousRead: Bool = true, maximumReceiveBody: Int = 1 << 20,
                            _ body: @escaping @Sendable (Int) throws -> Void) async throws {
        try await LiveServer.run(configure: {
            $0.anonymousRead = anonymousRead
            $0.maximumReceiveBody = maximumReceiveBody
        }, body)
    }

    @Test func advertisementDropsThePreambleInV0AndHasNoneInV2() async throws {
        try await withServer { port in
            for version in [ProtocolVersion.v0, .v2] {
                let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git/", service: .uploadPack, version: version, environment: [:])
                let reader = try connection.advertisement()
                #expect(try reader.next().text == "hello katalog.git")
                #expect(try reader.next() == .flush)
                try connection.close()
            }
        }
    }

    @Test func requestBodyArrivesAndLargeResponsesStream() async throws {
        try await withServer { port in
            let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog", service: .uploadPack, version: .v2, environment: [:])
            _ = try connection.advertisement()
            let reader = try connection.request(Array("0009done\n0000".utf8))
            #expect(try reader.next().text == "got 13 0009done\n0000")
            #expect(try reader.next().text == "may-update-olpe false")
            #expect(try reader.next() == .flush)
            var filler = 0
            while case .data(let payload) = try reader.next() { filler += payload.count }
            #expect(filler == 3 << 20)
            try connection.close()
        }
    }

    @Test func pushNeedsCredentialsAndGetsTheUsersPatterns() async throws {
        try await withServer { port in
            let anonymous = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try anonymous.advertisement() }
            let wrong = try HTTPConnection(url: "http://olpe:falsch@127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try wrong.advertisement() }
            for (user, allowed) in [("olpe", true), ("leser", false)] {
                let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .receivePack, version: .v0,
                                                    environment: ["PFAD_HTTP_USERNAME": user, "PFAD_HTTP_PASSWORD": "geheim"])
                _ = try connection.advertisement()
                let reader = try connection.request(Array("0000".utf8))
                _ = try reader.next()
                #expect(try reader.next().text == "may-update-olpe \(allowed)")
                try connection.close()
            }
        }
    }

    @Test func refusesOversizedBodiesUnknownRepositoriesAndAnonymousReadWhenOff() async throws {
        try await withServer(anonymousRead: false, maximumReceiveBody: 1000) { port in
            let base = "http://olpe:geheim@127.0.0.1:\(port)"
            let push = try HTTPConnection(url: base + "/katalog.git", service: .receivePack, version: .v0, environment: [:])
            _ = try push.advertisement()
            #expect(throws: HTTPClientError.rpcFailed(status: 413, detail: "request body larger than 1000 bytes (raise --max-body-size)")) {
                try push.request([UInt8](repeating: 0x30, count: 5000))
            }
            let missing = try HTTPConnection(url: base + "/menden.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(throws: HTTPClientError.repositoryNotFound(url: "http://127.0.0.1:\(port)/menden.git/")) { try missing.advertisement() }
            let anonymous = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(throws: HTTPClientError.authenticationFailed(url: "http://127.0.0.1:\(port)/katalog.git/")) { try anonymous.advertisement() }
            let reader = try HTTPConnection(url: "http://leser:geheim@127.0.0.1:\(port)/katalog.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(try reader.advertisement().next().text == "hello katalog.git")
        }
    }
}
