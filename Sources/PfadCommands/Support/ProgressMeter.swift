import Foundation
import PfadRepository
import PfadTransport

/// git-style progress lines on standard error ("Compressing objects:  45%
/// (9/20)"), rewritten in place with `\r`, only on a terminal.
final class ProgressMeter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var title = ""
    private var lastLine = ""
    private var lastWrite = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    /// Receives the operation's progress events (from any thread).
    var report: @Sendable (RepackOperation.Progress) -> Void {
        { [self] event in
            guard enabled else { return }
            switch event {
            case .enumerating(let count): show("Enumerating objects", "\(count)")
            case .compressing(let done, let total): show("Compressing objects", Self.percent(done, total))
            case .writing(let done, let total): show("Writing objects", Self.percent(done, total))
            }
        }
    }

    /// Receives "Receiving objects" progress from a fetch or clone.
    var receiving: ReceiveProgress {
        { [self] done, total, bytes in
            guard enabled else { return }
            show("Receiving objects", Self.percent(done, total) + ", " + Self.humanBytes(bytes))
        }
    }

    /// Ends the last line with ", done.".
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if !title.isEmpty { FileHandle.standardError.write(Data("\r\(lastLine), done.\n".utf8)) }
        title = ""
    }

    /// A byte count as git shows it in progress lines: `300 bytes`,
    /// `12.50 KiB`, `3.20 MiB`, `1.05 GiB`.
    static func humanBytes(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            return String(format: "%.2f", Double(bytes) / Double(size)) + " " + unit
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    private static func percent(_ done: Int, _ total: Int) -> String {
        let value = total == 0 ? 100 : done * 100 / total
        let padded = String(repeating: " ", count: max(0, 3 - String(value).count)) + String(value)
        return "\(padded)% (\(done)/\(total))"
    }

    private func show(_ newTitle: String, _ value: String) {
        lock.lock()
        defer { lock.unlock() }
        if newTitle != title && !title.isEmpty {
            FileHandle.standardError.write(Data("\r\(lastLine), done.\n".utf8))
        }
        let changedTitle = newTitle != title
        title = newTitle
        lastLine = "\(newTitle): \(value)"
        // At most ten rewrites a second; the final value is printed by `finish` or the next title.
        let now = Date()
        guard changedTitle || now.timeIntervalSince(lastWrite) >= 0.1 else { return }
        lastWrite = now
        FileHandle.standardError.write(Data("\r\(lastLine)".utf8))
    }
}
