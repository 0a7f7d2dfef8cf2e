import Foundation
import Testing
@testable import PfadObjects

/// Expected values from `TZ=<zone> GIT_AUTHOR_DATE=<input> git var GIT_AUTHOR_IDENT`
/// with git 2.39.5, run by hand once and pasted here.
@Suite struct GitDateTests {
    static let utcCases: [(String, Int64, Int)] = [
        ("1700000000 +0100", 1_700_000_000, 60),
        ("@1700000000 +0100", 1_700_000_000, 60),
        ("@1700000000", 1_700_000_000, 0),
        ("2026-11-28T10:15:00+01:00", 1_795_857_300, 60),
        ("2026-11-28 10:15:00 +0100", 1_795_857_300, 60),
        ("2026-11-28T10:15:00Z", 1_795_860_900, 0),
        ("2026-11-28T10:15:00", 1_795_860_900, 0),
        ("Sat, 28 Nov 2026 10:15:00 +0100", 1_795_857_300, 60),
        ("Sat, 28 Nov 2026 10:15:00 -0530", 1_795_880_700, -330),
        ("2026-11-28T10:15:00-05:30", 1_795_880_700, -330),
        ("2026-11-28T10:15:00.123+01:00", 1_795_857_300, 60),
        ("Sat, 28 Nov 2026 10:15:00 GMT", 1_795_860_900, 0),
        ("28 Nov 2026 10:15:00 +0100", 1_795_857_300, 60),
        ("2026-11-28T10:15+01:00", 1_795_857_300, 60),
        ("1700000000 -0000", 1_700_000_000, 0),
        ("@0 +0000", 0, 0),
        ("1700000000 +01:00", 1_700_000_000, 60),
    ]

    @Test func parsesGitsFormatsInUTC() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        for (input, time, offset) in Self.utcCases {
            let parsed = GitDate.parse(input, localZone: utc)
            #expect(parsed?.time == time, "\(input)")
            #expect(parsed?.offsetMinutes == offset, "\(input)")
        }
    }

    @Test func usesLocalZoneWithoutAZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // TZ=Europe/Berlin: "@1700000000" -> 1700000000 +0100 (git uses the
        // local zone, not +0000); winter and summer wall times resolve in
        // the zone in force then.
        let cases: [(String, Int64, Int)] = [
            ("@1700000000", 1_700_000_000, 60),
            ("1700000000", 1_700_000_000, 60),
            ("2026-11-28T10:15:00", 1_795_857_300, 60),
            ("2026-11-28 10:15:00", 1_795_857_300, 60),
            ("2026-06-28T10:15:00", 1_782_634_500, 120),
            ("2026-11-28T10:15:00Z", 1_795_860_900, 0),
        ]
        for (input, time, offset) in cases {
            let parsed = GitDate.parse(input, localZone: berlin)
            #expect(parsed?.time == time, "\(input)")
            #expect(parsed?.offsetMinutes == offset, "\(input)")
        }
    }

    @Test func rejectsWhatGitRejects() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        // git: "fatal: invalid date format: 2026-11-28" for a bare date.
        for input in ["2026-11-28", "", "gestern", "2026-13-28T10:15:00Z", "Sat, 28 Foo 2026 10:15:00 +0100"] {
            #expect(GitDate.parse(input, localZone: utc) == nil, "\(input)")
        }
    }

    @Test func formatsOffsets() {
        #expect(GitDate.formatOffset(minutes: 60) == "+0100")
        #expect(GitDate.formatOffset(minutes: -330) == "-0530")
        #expect(GitDate.formatOffset(minutes: 0) == "+0000")
        #expect(GitDate.formatOffset(minutes: 840) == "+1400")
        #expect(GitDate.parseOffset(bytes("-0530")) == -330)
        #expect(GitDate.parseOffset(bytes("0530")) == nil)
    }
}
