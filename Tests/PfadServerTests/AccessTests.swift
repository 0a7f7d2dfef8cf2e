import Foundation
import Testing
@testable import PfadServer

@Suite struct RefPatternTests {
    @Test func starMatchesAnyRunIncludingSlashes() throws {
        let pattern = try #require(RefPattern("refs/heads/arnsberg/*"))
        #expect(pattern.matches(Array("refs/heads/arnsberg/wanderwege".utf8)))
        #expect(pattern.matches(Array("refs/heads/arnsberg/2026/herbst".utf8)))
        #expect(!pattern.matches(Array("refs/heads/arnsberg".utf8)))
        #expect(!pattern.matches(Array("refs/heads/olpe/x".utf8)))
        #expect(!pattern.matches(Array("refs/heads/arnsbergx/y".utf8)))
    }

    @Test func literalAndInnerStars() throws {
        let literal = try #require(RefPattern("refs/heads/main"))
        #expect(literal.matches(Array("refs/heads/main".utf8)))
        #expect(!literal.matches(Array("refs/heads/main2".utf8)))
        let inner = try #require(RefPattern("refs/*/olpe/*"))
        #expect(inner.matches(Array("refs/tags/olpe/v1".utf8)))
        #expect(!inner.matches(Array("refs/tags/soest/v1".utf8)))
    }

    @Test func refusesPatternsOutsideRefs() {
        #expect(RefPattern("heads/*") == nil)
        #expect(RefPattern("refs/heads/a b") == nil)
    }
}

@Suite struct UsersFileTests {
    @Test func parsesUsersAndPatterns() throws {
        let hash = UsersFile.hash(password: "geheim", cost: 4)
        let text = """
        # Gemeinden
        arnsberg \(hash) refs/heads/arnsberg/* refs/tags/arnsberg/*

        leser\t\(hash)
        """
        let file = try UsersFile(text: text, path: "users")
        let arnsberg = try #require(file.users["arnsberg"])
        #expect(arnsberg.refPatterns.map(\.text) == ["refs/heads/arnsberg/*", "refs/tags/arnsberg/*"])
        #expect(arnsberg.mayUpdate(Array("refs/tags/arnsberg/v1".utf8)))
        #expect(!arnsberg.mayUpdate(Array("refs/heads/main".utf8)))
        #expect(try #require(file.users["leser"]).refPatterns.isEmpty)
    }

    @Test func authenticatesWithBcrypt() throws {
        let hash = UsersFile.hash(password: "geheim", cost: 4)
        #expect(hash.hasPrefix("$2b$04$"))
        let file = try UsersFile(text: "olpe \(hash) refs/heads/olpe/*\n", path: "users")
        #expect(file.authenticate(name: "olpe", password: "geheim")?.name == "olpe")
        #expect(file.authenticate(name: "olpe", password: "falsch") == nil)
        #expect(file.authenticate(name: "soest", password: "geheim") == nil)
    }

    @Test func reportsBadLinesWithTheirNumber() {
        #expect(throws: ServerError.usersFile(path: "u", line: 2, detail: "password of 'x' is not a bcrypt hash")) {
            try UsersFile(text: "# c\nx plaintext\n", path: "u")
        }
        // A cost of 31 would make every login take hours of CPU.
        let expensive = "$2b$31$" + String(repeating: "a", count: 53)
        #expect(throws: ServerError.usersFile(path: "u", line: 1, detail: "password of 'x' is not a bcrypt hash")) {
            try UsersFile(text: "x \(expensive)\n", path: "u")
        }
        #expect(throws: ServerError.usersFile(path: "u", line: 1, detail: "invalid ref pattern 'main' (must start with refs/)")) {
            try UsersFile(text: "x \(UsersFile.hash(password: "p", cost: 4)) main\n", path: "u")
        }
    }
}
