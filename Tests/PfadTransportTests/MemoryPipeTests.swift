import Foundation
import PfadTransport
import Testing

struct MemoryPipeTests {
    @Test func bytesArriveInOrderThroughASmallBufferAcrossThreads() throws {
        let pipe = MemoryPipe(capacity: 7)
        var expected: [UInt8] = []
        for i in 0..<5000 { expected.append(UInt8(truncatingIfNeeded: i * 31)) }
        let payload = expected
        let writer = Thread {
            let sink = MemoryPipeSink(pipe)
            for start in stride(from: 0, to: payload.count, by: 13) {
                try? sink.write(Array(payload[start..<min(payload.count, start + 13)]))
            }
            pipe.closeWriting()
        }
        writer.start()
        let received = try MemoryPipeSource(pipe).readAll(limit: 1 << 20)
        #expect(received == expected)
    }

    @Test func writingAfterTheReaderLeftFailsWithEPIPE() {
        let pipe = MemoryPipe(capacity: 4)
        pipe.closeReading()
        let error = #expect(throws: TransportError.self) { try MemoryPipeSink(pipe).write([1, 2, 3]) }
        guard case .io(_, let code) = error else {
            Issue.record("expected an I/O error, got \(String(describing: error))")
            return
        }
        #expect(code == EPIPE)
    }

    @Test func readerGetsEndOfFileAfterTheRest() throws {
        let pipe = MemoryPipe()
        try MemoryPipeSink(pipe).write([9, 8])
        pipe.closeWriting()
        var buffer = [UInt8](repeating: 0, count: 8)
        let first = buffer.withUnsafeMutableBytes { pipe.read(into: $0) }
        #expect(first == 2)
        #expect(Array(buffer[0..<2]) == [9, 8])
        #expect(buffer.withUnsafeMutableBytes { pipe.read(into: $0) } == 0)
    }
}
