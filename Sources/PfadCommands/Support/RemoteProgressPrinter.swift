import Foundation

/// Shows the server's side-band progress on standard error as git does:
/// every line (ended by `\n` or `\r`) prefixed with `remote: `.
final class RemoteProgressPrinter {
    private var pending: [UInt8] = []
    private let enabled: Bool

    /// A printer; `enabled` false swallows everything (`--quiet`).
    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Takes one channel-2 payload.
    func take(_ bytes: [UInt8]) {
        guard enabled else { return }
        var output: [UInt8] = []
        for byte in bytes {
            pending.append(byte)
            if byte == 0x0A || byte == 0x0D {
                output += Array("remote: ".utf8) + pending
                pending.removeAll()
            }
        }
        if !output.isEmpty { FileHandle.standardError.write(Data(output)) }
    }

    /// Prints what is left without a line end.
    func finish() {
        guard enabled, !pending.isEmpty else { return }
        FileHandle.standardError.write(Data(Array("remote: ".utf8) + pending + [0x0A]))
        pending.removeAll()
    }
}
