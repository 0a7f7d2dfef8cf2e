/// Everything that can go wrong while talking git's wire protocols. Each
/// case carries enough context for a one-line message; `description` is
/// that line (without git's `fatal: ` prefix, which the CLI adds).
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream ended in the middle of something (`context` says what).
    case unexpectedEnd(context: String)
    /// A pkt-line header or payload broke the framing rules.
    case malformedPacket(String)
    /// A packet longer than the protocol allows (`LARGE_PACKET_MAX`).
    case packetTooLong(Int)
    /// The peer broke the conversation's rules (unexpected packet, bad line).
    case protocolViolation(String)
    /// A v2 command the server does not offer.
    case invalidCommand(String)
    /// The peer reported an error itself (`ERR` line or side-band 3).
    case remote(String)
    /// Reading or writing the connection failed.
    case io(operation: String, errno: Int32)
    /// A refspec that cannot be parsed.
    case invalidRefspec(String)
    /// A fetch named a ref the server does not have.
    case remoteRefNotFound(String)
    /// A fetch asked for an object the server does not offer (hex id).
    case notOurRef(String)
    /// A request went past one of the server's limits (`what`, `limit`).
    case limitExceeded(what: String, limit: Int)
    /// A request line or command the server does not know.
    case unexpectedLine(String)
    /// A received pack is larger than the server accepts (`receive.maxInputSize`).
    case packTooLarge(limit: Int)
    /// A received pack declares more objects than the server accepts.
    case tooManyObjects(count: Int, limit: Int)
    /// A received pack is malformed (bad header, truncated, bad zlib data,
    /// wrong checksum, unresolvable deltas).
    case corruptPack(String)
    /// A received object failed the fsck checks (`receive.fsckObjects`);
    /// `detail` is `<msg-id>: <message>`.
    case objectRejected(id: String, detail: String)

    public var description: String {
        switch self {
        case .unexpectedEnd(let context): "the remote end hung up unexpectedly (\(context))"
        case .malformedPacket(let detail): "protocol error: bad line length character: \(detail)"
        case .packetTooLong(let length): "protocol error: bad line length \(length)"
        case .protocolViolation(let detail): "protocol error: \(detail)"
        case .invalidCommand(let command): "invalid command '\(command)'"
        case .remote(let message): "remote error: \(message)"
        case .io(let operation, let errno): "\(operation) failed: \(String(cString: strerrorText(errno)))"
        case .invalidRefspec(let spec): "invalid refspec '\(spec)'"
        case .remoteRefNotFound(let name): "couldn't find remote ref \(name)"
        case .notOurRef(let hex): "git upload-pack: not our ref \(hex)"
        case .limitExceeded(let what, let limit): "too many \(what) (limit \(limit))"
        case .unexpectedLine(let line): "unexpected line: '\(line)'"
        case .packTooLarge(let limit): "pack exceeds maximum allowed size (\(limit) bytes)"
        case .tooManyObjects(let count, let limit): "pack has \(count) objects, more than the allowed \(limit)"
        case .corruptPack(let detail): "index-pack failed: \(detail)"
        case .objectRejected(let id, let detail): "object \(id): \(detail)"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func strerrorText(_ code: Int32) -> UnsafeMutablePointer<CChar> {
    strerror(code)
}
