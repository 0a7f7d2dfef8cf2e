import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import Testing

@testable import PfadTransport

/// Requests written by hand after git's documents and `GIT_TRACE_PACKET=1`
/// traces of git 2.39 (`git -c protocol.version=2 fetch`, `clone`), answers
/// checked line by line.
@Suite struct UploadPackTests {
    /// One text pkt-line with git's trailing newline.
    static func pkt(_ text: String) -> [UInt8] {
        (try? Packet.data(Array((text + "\n").utf8)).encoded()) ?? []
    }

    static let flush = Array("0000".utf8)
    static let delimiter = Array("0001".utf8)

    /// The text lines (and special packets as "0000"/"0001") of a response
    /// up to the `packfile` line; the reader stays at the pack data.
    static func lines(_ reader: PktLineReader, untilPackfile: Bool = true) throws -> [String] {
        var lines: [String] = []
        while let packet = try reader.nextOrEnd() {
            switch packet {
            case .flush: lines.append("0000")
            case .delimiter: lines.append("0001")
            case .responseEnd: lines.append("0002")
            case .data: lines.append(packet.text ?? "")
            }
            if untilPackfile && lines.last == "packfile" { break }
        }
        return lines
    }

    func respond(_ handler: UploadPack, _ request: [UInt8]) throws -> [UInt8] {
        let sink = BufferSink()
        try handler.respond(to: BufferSource(request), into: sink)
        return sink.bytes
    }

    @Test func v2CapabilityAdvertisement() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let sink = BufferSink()
        try UploadPack(repository: fixture.repository, version: .v2, stateless: true).advertise(to: sink)
        // git 2.39 says: 000eversion 2, agent=git/2.39.5, ls-refs=unborn,
        // fetch=shallow wait-for-done, server-option, object-format=sha1, object-info, 0000.
        let expected = ["version 2", "agent=pfad/0.1", "ls-refs=unborn", "fetch=wait-for-done", "server-option", "object-format=sha1"]
            .map(Self.pkt).joined() + Self.flush
        #expect(sink.bytes == Array(expected))
    }

    @Test func v2LsRefsWithSymrefsAndPeel() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let handler = UploadPack(repository: fixture.repository, version: .v2, stateless: true)
        let request = Self.pkt("command=ls-refs") + Self.pkt("agent=git/2.39.5") + Self.delimiter
            + Self.pkt("peel") + Self.pkt("symrefs") + Self.pkt("ref-prefix HEAD") + Self.pkt("ref-prefix refs/") + Self.flush
        let lines = try Self.lines(PktLineReader(BufferSource(try respond(handler, request))))
        let c5 = fixture.commits["c5"]!.hex
        let c4 = fixture.commits["c4"]!.hex
        let c2 = fixture.commits["c2"]!.hex
        #expect(lines == [
            "\(c5) HEAD symref-target:refs/heads/main",
            "\(c5) refs/heads/main",
            "\(c4) refs/heads/topic",
            "\(fixture.tag.hex) refs/tags/v1 peeled:\(c2)",
            "0000",
        ])
        // Prefix filter only.
        let tagsOnly = Self.pkt("command=ls-refs") + Self.delimiter + Self.pkt("ref-prefix refs/tags/") + Self.flush
        #expect(try Self.lines(PktLineReader(BufferSource(try respond(handler, tagsOnly)))) == ["\(fixture.tag.hex) refs/tags/v1", "0000"])
    }

    @Test func v2FetchWithDoneSendsThePackOnSideband() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let handler = UploadPack(repository: fixture.repository, version: .v2, stateless: true)
        let c5 = fixture.commits["c5"]!
        let request = Self.pkt("command=fetch") + Self.pkt("object-format=sha1") + Self.delimiter + Self.pkt("thin-pack")
            + Self.pkt("ofs-delta") + Self.pkt("want \(c5.hex)") + Self.pkt("done") + Self.flush
        let reader = PktLineReader(BufferSource(try respond(handler, request)))
        #expect(try Self.lines(reader) == ["packfile"])
        var progress: [UInt8] = []
        let pack = try SidebandReader(reader) { progress += $0 }.readAll()
        let expected = try fixture.reachable([c5])
        #expect(Set(try fixture.packObjects(pack)) == expected)
        let text = String(decoding: progress, as: UTF8.self)
        #expect(text.contains("Enumerating objects: \(expected.count), done.\n"))
        #expect(text.contains("Total \(expected.count) (delta "))
        #expect(try reader.nextOrEnd() == nil)
    }

    @Test func v2NegotiationAcknowledgesAndGetsReady() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let handler = UploadPack(repository: fixture.repository, version: .v2, stateless: true)
        let c5 = fixture.commits["c5"]!
        let c3 = fixture.commits["c3"]!
        let unknown = String(repeating: "ab", count: 20)
        let request = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("no-progress") + Self.pkt("ofs-delta")
            + Self.pkt("want \(c5.hex)") + Self.pkt("have \(unknown)") + Self.pkt("have \(c3.hex)") + Self.flush
        let reader = PktLineReader(BufferSource(try respond(handler, request)))
        // As git's trace: acknowledgments / ACK <common> / ready / 0001 / packfile.
        #expect(try Self.lines(reader) == ["acknowledgments", "ACK \(c3.hex)", "ready", "0001", "packfile"])
        var progress: [UInt8] = []
        let pack = try SidebandReader(reader) { progress += $0 }.readAll()
        #expect(progress.isEmpty)
        let expected = try fixture.reachable([c5]).subtracting(try fixture.reachable([c3]))
        #expect(Set(try fixture.packObjects(pack)) == expected)

        // Only unknown haves: NAK and no pack yet; with wait-for-done no ready either.
        let nak = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want \(c5.hex)") + Self.pkt("have \(unknown)") + Self.flush
        #expect(try Self.lines(PktLineReader(BufferSource(try respond(handler, nak)))) == ["acknowledgments", "NAK", "0000"])
        let wait = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("wait-for-done") + Self.pkt("want \(c5.hex)")
            + Self.pkt("have \(c3.hex)") + Self.flush
        #expect(try Self.lines(PktLineReader(BufferSource(try respond(handler, wait)))) == ["acknowledgments", "ACK \(c3.hex)", "0000"])
    }

    @Test func v0AdvertisementAndStatelessRounds() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let handler = UploadPack(repository: fixture.repository, version: .v0, stateless: true)
        let sink = BufferSink()
        try handler.advertise(to: sink)
        let c5 = fixture.commits["c5"]!
        let c2 = fixture.commits["c2"]!
        let advertised = try Self.lines(PktLineReader(BufferSource(sink.bytes)), untilPackfile: false)
        #expect(advertised == [
            "\(c5.hex) HEAD\0multi_ack_detailed thin-pack side-band side-band-64k ofs-delta no-progress include-tag "
                + "no-done symref=HEAD:refs/heads/main object-format=sha1 agent=pfad/0.1",
            "\(c5.hex) refs/heads/main",
            "\(fixture.commits["c4"]!.hex) refs/heads/topic",
            "\(fixture.tag.hex) refs/tags/v1",
            "\(c2.hex) refs/tags/v1^{}",
            "0000",
        ])
        // Round 1 (as git's trace): wants with capabilities, flush, haves, flush.
        let wants = Self.pkt("want \(c5.hex) multi_ack_detailed side-band-64k thin-pack no-progress ofs-delta agent=git/2.39.5") + Self.flush
        let round = wants + Self.pkt("have \(c2.hex)") + Self.flush
        #expect(try Self.lines(PktLineReader(BufferSource(try respond(handler, round))), untilPackfile: false)
            == ["ACK \(c2.hex) common", "ACK \(c2.hex) ready", "NAK"])
        // Round 2: the common have again, then done: ACK and the pack.
        let final = wants + Self.pkt("have \(c2.hex)") + Self.pkt("done")
        let reader = PktLineReader(BufferSource(try respond(handler, final)))
        #expect(try reader.next().text == "ACK \(c2.hex) common")
        #expect(try reader.next().text == "ACK \(c2.hex)")
        let pack = try SidebandReader(reader) { _ in }.readAll()
        #expect(Set(try fixture.packObjects(pack)) == (try fixture.reachable([c5])).subtracting(try fixture.reachable([c2])))

        // With no-done the ready round carries the final ACK and the pack (gitprotocol-capabilities.txt).
        let noDone = Self.pkt("want \(c5.hex) multi_ack_detailed side-band-64k no-done ofs-delta") + Self.flush
            + Self.pkt("have \(c2.hex)") + Self.flush
        let quick = PktLineReader(BufferSource(try respond(handler, noDone)))
        for expected in ["ACK \(c2.hex) common", "ACK \(c2.hex) ready", "NAK", "ACK \(c2.hex)"] {
            #expect(try quick.next().text == expected)
        }
        let quickPack = try SidebandReader(quick) { _ in }.readAll()
        #expect(Set(try fixture.packObjects(quickPack)) == (try fixture.reachable([c5])).subtracting(try fixture.reachable([c2])))
    }

    @Test func v0PipeCloneWithoutSideband() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let handler = UploadPack(repository: fixture.repository, version: .v0, stateless: false)
        let c4 = fixture.commits["c4"]!
        let input = Self.pkt("want \(c4.hex) ofs-delta") + Self.flush + Self.pkt("done")
        let sink = BufferSink()
        try handler.serve(input: BufferSource(input), output: sink)
        let reader = PktLineReader(BufferSource(sink.bytes))
        #expect(try reader.section().lines.count == 5)  // the advertisement up to its flush
        #expect(try reader.next().text == "NAK")
        let pack = try reader.readAll()
        #expect(Set(try fixture.packObjects(pack)) == (try fixture.reachable([c4])))
    }

    @Test func hiddenRefsAreNeitherListedNorFetchable() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        var handler = UploadPack(repository: fixture.repository, version: .v2, stateless: false)
        handler.hiddenRefs = ["refs/heads", "!refs/heads/main", "refs/tags/v1/"]
        let request = Self.pkt("command=ls-refs") + Self.delimiter + Self.pkt("peel") + Self.flush
        let c5 = fixture.commits["c5"]!.hex
        #expect(try Self.lines(PktLineReader(BufferSource(try respond(handler, request)))) == [
            "\(c5) HEAD", "\(c5) refs/heads/main", "0000",
        ])
        let c4 = fixture.commits["c4"]!.hex
        let want = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want \(c4)") + Self.pkt("done") + Self.flush
        #expect(throws: TransportError.notOurRef(c4)) { try handler.respond(to: BufferSource(want), into: BufferSink()) }
        #expect(AdvertisedRefs.isHidden(Array("refs/heads/mainline".utf8), by: ["refs/heads/main"]) == false)
        #expect(AdvertisedRefs.isHidden(Array("refs/heads/main/x".utf8), by: ["refs/heads/main"]))
    }

    @Test func refusedRequestsGetErrorPackets() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        var handler = UploadPack(repository: fixture.repository, version: .v2, stateless: false)
        let stranger = String(repeating: "11", count: 20)
        let cases: [(request: [UInt8], message: String)] = [
            (Self.pkt("command=bogus") + Self.flush, "ERR invalid command 'bogus'"),
            (Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want \(stranger)") + Self.pkt("done") + Self.flush,
             "ERR upload-pack: not our ref \(stranger)"),
            (Self.pkt("command=fetch") + Self.delimiter + Self.pkt("deepen 1") + Self.flush, "ERR unexpected line: 'deepen 1'"),
            (Self.pkt("command=ls-refs") + Self.delimiter + Self.pkt("bogus") + Self.flush, "ERR unexpected line: 'bogus'"),
            (Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want 12") + Self.flush, "ERR unexpected line: 'want 12'"),
        ]
        for (request, message) in cases {
            let sink = BufferSink()
            #expect(throws: TransportError.self) { try handler.respond(to: BufferSource(request), into: sink) }
            let reader = PktLineReader(BufferSource(sink.bytes))
            #expect(try reader.next().text == message)
        }
        // Limits.
        handler.maximumWants = 1
        let two = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want \(fixture.commits["c5"]!.hex)")
            + Self.pkt("want \(fixture.commits["c4"]!.hex)") + Self.pkt("done") + Self.flush
        let sink = BufferSink()
        #expect(throws: TransportError.limitExceeded(what: "wants", limit: 1)) {
            try handler.respond(to: BufferSource(two), into: sink)
        }
        #expect(try PktLineReader(BufferSource(sink.bytes)).next().text == "ERR too many wants (limit 1)")
        handler.maximumWants = 100
        handler.maximumRequestBytes = 100
        let bytesSink = BufferSink()
        #expect(throws: TransportError.limitExceeded(what: "request bytes", limit: 100)) {
            try handler.respond(to: BufferSource(two), into: bytesSink)
        }
        #expect(try PktLineReader(BufferSource(bytesSink.bytes)).next().text == "ERR too many request bytes (limit 100)")
        // Truncated and garbage framing: errors, never a crash.
        for broken in ["0014command=fet", "zzzz", "0003", "0014command=fetch\n0001"] {
            #expect(throws: TransportError.self) {
                try handler.respond(to: BufferSource(Array(broken.utf8)), into: BufferSink())
            }
        }
        // A want that is not a tip but reachable: fine when stateless, refused on a pipe.
        let c1 = fixture.commits["c1"]!.hex
        let old = Self.pkt("command=fetch") + Self.delimiter + Self.pkt("want \(c1)") + Self.pkt("done") + Self.flush
        #expect(throws: TransportError.notOurRef(c1)) {
            try UploadPack(repository: fixture.repository, version: .v2, stateless: false).respond(to: BufferSource(old), into: BufferSink())
        }
        let reader = PktLineReader(BufferSource(
            try respond(UploadPack(repository: fixture.repository, version: .v2, stateless: true), old)))
        #expect(try Self.lines(reader) == ["packfile"])
    }
}

@Suite struct UploadPackEmptyRepositoryTests {
    @Test func emptyRepositoryAdvertisesOnlyAFlush() throws {
        let root = "/dev/shm/pfad-upload-empty-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let repository = try Repository.initialize(at: root, bare: true, initialBranch: "trunk").0
        // `printf 0000 | git upload-pack EMPTY` (git 2.39.5) prints just `0000`;
        // with GIT_PROTOCOL=version=1: `000eversion 1\n0000`.
        let v0 = BufferSink()
        try UploadPack(repository: repository, version: .v0, stateless: false).advertise(to: v0)
        #expect(v0.bytes == Array("0000".utf8))
        let v1 = BufferSink()
        try UploadPack(repository: repository, version: .v1, stateless: false).advertise(to: v1)
        #expect(v1.bytes == Array("000eversion 1\n0000".utf8))
        // v2 ls-refs with `unborn`: the unborn HEAD and its target.
        let request = UploadPackTests.pkt("command=ls-refs") + UploadPackTests.delimiter + UploadPackTests.pkt("symrefs")
            + UploadPackTests.pkt("unborn") + UploadPackTests.pkt("ref-prefix HEAD") + UploadPackTests.flush
        let sink = BufferSink()
        try UploadPack(repository: repository, version: .v2, stateless: true).respond(to: BufferSource(request), into: sink)
        #expect(sink.bytes == UploadPackTests.pkt("unborn HEAD symref-target:refs/heads/trunk") + UploadPackTests.flush)
    }
}
