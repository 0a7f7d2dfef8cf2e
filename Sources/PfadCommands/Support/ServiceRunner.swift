import Foundation
import PfadRepository
import PfadTransport

/// What `pfad upload-pack` and `pfad receive-pack` share: finding the
/// repository they serve and running a `ServiceHandler` over standard input
/// and output in git's three modes.
enum ServiceRunner {
    /// The repository at `path` as git's service programs look for it
    /// (`Repository.openForService`; its error is git's message).
    static func openRepository(_ path: String, strict: Bool = false) throws -> Repository {
        try Repository.openForService(at: path, strict: strict)
    }

    /// `--advertise-refs`: the advertisement only; `--stateless-rpc`: one
    /// request from standard input; otherwise the whole conversation.
    /// Transport errors become `fatal:` lines (exit 128) as in git.
    static func run(_ handler: some ServiceHandler, advertiseRefs: Bool, stateless: Bool, input: ByteSource) throws {
        let output = FileDescriptorSink(fd: 1)
        do {
            if advertiseRefs {
                try handler.advertise(to: output)
            } else if stateless {
                try handler.respond(to: input, into: output)
            } else {
                try handler.serve(input: input, output: output)
            }
            try output.flush()
        } catch let error as TransportError {
            try? output.flush()
            throw FatalError(error.description)
        }
    }
}
