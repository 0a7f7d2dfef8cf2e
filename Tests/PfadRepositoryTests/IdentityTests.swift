import Testing
import PfadObjects
import PfadStore
@testable import PfadRepository

@Suite struct IdentityTests {
    private let settings = ConfigStack(layers: [])

    @Test func environmentWins() throws {
        let env = ["GIT_AUTHOR_NAME": " Anna Schäfer. ", "GIT_AUTHOR_EMAIL": "<anna@arnsberg.example>", "GIT_AUTHOR_DATE": "@1700000000 +0100"]
        let sig = try Identity.signature(for: .author, settings: settings, environment: env)
        // git strips surrounding "crud" from names and emails.
        #expect(String(decoding: sig.serialized(), as: UTF8.self) == "Anna Schäfer <anna@arnsberg.example> 1700000000 +0100")
    }

    @Test func configIsTheFallback() throws {
        let config = try Config.parse(Array("[user]\n\tname = Jörg Müller\n\temail = joerg@soest.example\n".utf8), origin: "test")
        let sig = try Identity.signature(
            for: .committer, settings: ConfigStack(layers: [config]), environment: ["GIT_COMMITTER_DATE": "2026-11-28T10:15:00+01:00"])
        #expect(String(decoding: sig.serialized(), as: UTF8.self) == "Jörg Müller <joerg@soest.example> 1795857300 +0100")
    }

    @Test func missingIdentityAndBadDatesAreErrors() {
        #expect(throws: RepositoryError.missingIdentity("author")) {
            try Identity.signature(for: .author, settings: settings, environment: [:])
        }
        #expect(throws: RepositoryError.invalidDate("gestern irgendwann")) {
            try Identity.signature(for: .author, settings: settings, environment: [
                "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@b", "GIT_AUTHOR_DATE": "gestern irgendwann"])
        }
    }

    @Test func authorOption() throws {
        let sig = try Identity.signature(fromAuthorOption: "Bernd Köhler <bernd@menden.example>", date: (1_700_000_000, "-0230"))
        #expect(String(decoding: sig.serialized(), as: UTF8.self) == "Bernd Köhler <bernd@menden.example> 1700000000 -0230")
        #expect(throws: RepositoryError.self) { try Identity.signature(fromAuthorOption: "nur ein Name", date: (0, "+0000")) }
    }
}
