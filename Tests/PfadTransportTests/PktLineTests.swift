import Testing
@testable import PfadTransport

/// Framing examples from `Documentation/gitprotocol-common.txt`.
struct PktLineTests {
    @Test func encodesTheDocumentedExamples() throws {
        // "0006a\n", "0005a", "000bfoobar\n", "0004" (empty) — from the document's table.
        #expect(try Packet.data(Array("a\n".utf8)).encoded() == Array("0006a\n".utf8))
        #expect(try Packet.data(Array("a".utf8)).encoded() == Array("0005a".utf8))
        #expect(try Packet.data(Array("foobar\n".utf8)).encoded() == Array("000bfoobar\n".utf8))
        #expect(try Packet.data([]).encoded() == Array("0004".utf8))
        #expect(try Packet.flush.encoded() == Array("0000".utf8))
        #expect(try Packet.delimiter.encoded() == Array("0001".utf8))
        #expect(try Packet.responseEnd.encoded() == Array("0002".utf8))
    }

    @Test func readsPacketsAndTheRawRest() throws {
        let reader = PktLineReader(BufferSource(Array("0006a\n00010000000bfoobar\n0002PACKrest".utf8)))
        #expect(try reader.next() == .data(Array("a\n".utf8)))
        #expect(try reader.next() == .delimiter)
        #expect(try reader.next() == .flush)
        #expect(try reader.next().text == "foobar")
        #expect(try reader.next() == .responseEnd)
        #expect(try reader.readAll() == Array("PACKrest".utf8))
        #expect(try reader.nextOrEnd() == nil)
    }

    @Test func refusesBrokenFraming() {
        #expect(throws: TransportError.malformedPacket("zz00")) { try PktLineReader(BufferSource(Array("zz00".utf8))).next() }
        #expect(throws: TransportError.malformedPacket("0003")) { try PktLineReader(BufferSource(Array("0003".utf8))).next() }
        #expect(throws: TransportError.packetTooLong(0xFFFF)) { try PktLineReader(BufferSource(Array("ffff".utf8))).next() }
        #expect(throws: TransportError.unexpectedEnd(context: "inside a 9-byte packet")) {
            try PktLineReader(BufferSource(Array("0009ab".utf8))).next()
        }
        #expect(throws: TransportError.unexpectedEnd(context: "inside a packet header")) {
            try PktLineReader(BufferSource(Array("00".utf8))).next()
        }
        #expect(throws: TransportError.packetTooLong(65521)) { try Packet.data([UInt8](repeating: 1, count: 65517)).encoded() }
    }

    @Test func writerFlushesAtMessageEnds() throws {
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        try writer.line("command=ls-refs")
        try writer.delimiter()
        try writer.flush()
        #expect(sink.bytes == Array("0014command=ls-refs\n00010000".utf8))
    }

    @Test func sidebandRoundTripsDataProgressAndErrors() throws {
        let sink = BufferSink()
        let sideband = SidebandWriter(PktLineWriter(sink), maximumPacket: 1000)
        let data = (0..<5000).map { UInt8(truncatingIfNeeded: $0) }
        try sideband.send(data, on: .data)
        try sideband.progress("Zähle Objekte: 5\r")
        try PktLineWriter(sink).flush()
        // 5000 bytes in packets of at most 995 payload bytes: 6 packets.
        var progress: [UInt8] = []
        let reader = SidebandReader(PktLineReader(BufferSource(sink.bytes))) { progress += $0 }
        #expect(try reader.readAll() == data)
        #expect(String(decoding: progress, as: UTF8.self) == "Zähle Objekte: 5\r")

        let failing = BufferSink()
        try SidebandWriter(PktLineWriter(failing)).error("kaputt\n")
        #expect(throws: TransportError.remote("kaputt")) {
            try SidebandReader(PktLineReader(BufferSource(failing.bytes))) { _ in }.readAll()
        }
    }
}
