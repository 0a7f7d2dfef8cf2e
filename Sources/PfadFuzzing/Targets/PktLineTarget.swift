import PfadObjects
import PfadRepository
import PfadTransport

/// pkt-line streams from a peer. The first input byte picks the reader,
/// the rest is the stream:
///
/// | byte % 10 | reader |
/// |---|---|
/// | 0 | packets until the end (framing only) |
/// | 1 | side-band data (`SidebandReader`) |
/// | 2 | a server's ref or capability advertisement |
/// | 3 | `report-status` after a push |
/// | 4 | a v2 `fetch` response |
/// | 5 | v0 acknowledgments |
/// | 6 | a v2 `ls-refs` answer |
/// | 7 | a push's command list (`ReceiveRequest`) |
/// | 8 | an upload-pack v0 request (wants, haves, done), stateless |
/// | 9 | an upload-pack v2 command request, stateless |
///
/// The upload-pack requests go to an empty scratch repository.
enum PktLineTarget {
    /// More than a stream from a fuzzer ever holds, so a loop that does not
    /// advance is a finding (a hang), not a long read.
    private static let packetLimit = 100_000

    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let selector = bytes.first else { return .rejected }
        let reader = PktLineReader(BufferSource(Array(bytes.dropFirst())))
        do {
            switch selector % 10 {
            case 0:
                var count = 0
                while try reader.nextOrEnd() != nil, count < packetLimit { count += 1 }
            case 1:
                let sideband = SidebandReader(reader, progress: { _ in })
                _ = try sideband.readAll(limit: 1 << 20)
            case 2:
                let advertisement = try ServerAdvertisement.read(from: reader)
                _ = try? advertisement.objectFormat()
                _ = advertisement.values("symref")
            case 3: _ = try ReportStatus.read(from: reader)
            case 4: _ = try FetchResponse.read(from: reader)
            case 5: _ = try FetchResponse.readV0Acknowledgments(from: reader)
            case 6: _ = try LsRefs.parse(reader)
            case 7: _ = try ReceiveRequest.read(from: reader, algorithm: .sha1)
            case 8: try serveUpload(Array(bytes.dropFirst()), version: .v0)
            default: try serveUpload(Array(bytes.dropFirst()), version: .v2)
            }
            return .accepted
        } catch {
            return .rejected
        }
    }

    /// An empty bare repository, made on first use.
    private static let repository: Repository? = {
        guard let root = ScratchDirectory.path else { return nil }
        return try? Repository.initialize(at: root + "/served.git", bare: true).0
    }()

    private static func serveUpload(_ request: [UInt8], version: ProtocolVersion) throws {
        guard let repository else { return }
        let handler = UploadPack(repository: repository, version: version, stateless: true)
        try handler.respond(to: BufferSource(request), into: BufferSink())
    }
}
