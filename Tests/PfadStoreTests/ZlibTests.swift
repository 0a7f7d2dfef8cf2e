import PfadTestSupport
import Testing
@testable import PfadStore

@Suite struct ZlibTests {
    // `printf hello | python3 -c "import zlib,sys; print(zlib.compress(sys.stdin.buffer.read()))"`
    // (zlib level 6, as git uses), base64-encoded.
    static let helloDeflated = base64("eJzLSM3JyQcABiwCFQ==")

    @Test func inflatesKnownStream() throws {
        let out = try Zlib.inflate(Self.helloDeflated, expectedSize: 5)
        #expect(out == [UInt8]("hello"))
    }

    @Test func deflateMatchesZlibReferenceOutput() {
        #expect(Zlib.deflate([UInt8]("hello")) == Self.helloDeflated)
    }

    @Test(arguments: [0, 1, 100, 70_000, 300_000])
    func roundTrips(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next() % 7) }
        let compressed = Zlib.deflate(bytes)
        #expect(try Zlib.inflate(compressed, expectedSize: size) == bytes)
        #expect(try Zlib.inflate(compressed, expectedSize: nil) == bytes)
    }

    @Test func truncatedStreamIsAnError() throws {
        let compressed = Zlib.deflate([UInt8](repeating: 65, count: 1000) + (0..<255).map { UInt8($0) })
        #expect(throws: StoreError.self) {
            _ = try Zlib.inflate(Array(compressed.dropLast(6)), expectedSize: nil)
        }
    }

    @Test func corruptStreamNamesTheContext() throws {
        var compressed = Zlib.deflate([UInt8]("Leitfaden Arnsberg"))
        compressed[0] = 0x00  // broken zlib header
        do {
            _ = try Zlib.inflate(compressed, expectedSize: nil, context: "objects/ab/cdef")
            Issue.record("expected an error")
        } catch let error as StoreError {
            guard case .corruptZlib(let context, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(context == "objects/ab/cdef")
        }
    }

    @Test func sizeMismatchAndBombAreRejected() throws {
        let big = Zlib.deflate([UInt8](repeating: 0, count: 10_000_000))
        #expect(big.count < 20_000)
        #expect(throws: StoreError.sizeLimitExceeded(context: "zlib stream", limit: 1000)) {
            _ = try Zlib.inflate(big, expectedSize: 1000)
        }
        #expect(throws: StoreError.sizeLimitExceeded(context: "zlib stream", limit: 4096)) {
            _ = try Zlib.inflate(big, expectedSize: nil, limit: 4096)
        }
        let small = Zlib.deflate([UInt8]("abc"))
        #expect(throws: StoreError.self) { _ = try Zlib.inflate(small, expectedSize: 4) }
    }

    @Test func trailingGarbageIsRejected() {
        let bytes = Zlib.deflate([UInt8]("abc")) + [1, 2, 3]
        #expect(throws: StoreError.self) { _ = try Zlib.inflate(bytes, expectedSize: 3) }
    }

    @Test func inflaterReportsConsumedInputForConcatenatedStreams() throws {
        let first = Zlib.deflate([UInt8]("Menden"))
        let second = Zlib.deflate([UInt8]("Olpe"))
        let inflater = try Inflater()
        let (out, used) = try inflater.inflateStream(first + second, limit: 100, context: "pack")
        #expect(out == [UInt8]("Menden"))
        #expect(used == first.count)
        let (out2, used2) = try inflater.inflateStream(Array(second), limit: 100, context: "pack")
        #expect(out2 == [UInt8]("Olpe"))
        #expect(used2 == second.count)
    }

    @Test func deflaterStreamsAndIsReusable() throws {
        let deflater = try Deflater()
        let header = [UInt8]("blob 14\0")
        let content = [UInt8]("Grüße aus Soest".prefix(14).utf8)
        let once = deflater.compress(header, content)
        #expect(try Zlib.inflate(once, expectedSize: nil) == header + content)
        let again = deflater.compress(header, content)
        #expect(again == once)
        let streamed = deflater.update(header) + deflater.update(content) + deflater.finish()
        #expect(try Zlib.inflate(streamed, expectedSize: nil) == header + content)
    }
}

