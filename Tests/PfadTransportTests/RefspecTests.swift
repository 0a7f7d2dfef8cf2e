import Testing
@testable import PfadTransport

/// Refspec rules from `Documentation/pull-fetch-param.txt`.
struct RefspecTests {
    @Test func mapsPatternsBothWays() throws {
        let spec = try Refspec(parsing: "+refs/heads/*:refs/remotes/origin/*")
        #expect(spec.force && spec.isPattern && !spec.negative)
        #expect(spec.mapToDestination(Array("refs/heads/arnsberg/leitfaden".utf8)) == Array("refs/remotes/origin/arnsberg/leitfaden".utf8))
        #expect(spec.mapToDestination(Array("refs/tags/2021.1".utf8)) == nil)
        #expect(spec.mapToSource(Array("refs/remotes/origin/main".utf8)) == Array("refs/heads/main".utf8))
        #expect(spec.description == "+refs/heads/*:refs/remotes/origin/*")
    }

    @Test func parsesPlainDeletionAndNegativeForms() throws {
        let plain = try Refspec(parsing: "main")
        #expect(plain.source == Array("main".utf8) && plain.destination == nil && !plain.force)
        let deletion = try Refspec(parsing: ":refs/heads/alt")
        #expect(deletion.source.isEmpty && deletion.destination == Array("refs/heads/alt".utf8))
        let negative = try Refspec(parsing: "^refs/heads/olpe/*")
        #expect(negative.negative && negative.matchesSource(Array("refs/heads/olpe/x".utf8)))
        let infix = try Refspec(parsing: "refs/heads/*-entwurf:refs/remotes/o/*")
        #expect(infix.mapToDestination(Array("refs/heads/soest-entwurf".utf8)) == Array("refs/remotes/o/soest".utf8))
    }

    @Test func refusesMalformedRefspecs() {
        for bad in ["refs/heads/*:refs/remotes/o/x", "refs/heads/a:refs/*/*", "^a:b", "+^a", "refs/heads/a..b:x", "", "refs/heads/*/*:x/*/*"] {
            #expect(throws: TransportError.invalidRefspec(bad), "\(bad)") { try Refspec(parsing: bad) }
        }
    }
}
