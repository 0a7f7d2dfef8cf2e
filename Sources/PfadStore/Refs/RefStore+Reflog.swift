#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

extension RefStore {
    /// The reflog file of `name` (`<git-dir>/logs/<name>`).
    public func reflogPath(of name: [UInt8]) -> String {
        gitDirectory + "/logs/" + String(decoding: name, as: UTF8.self)
    }

    /// True if an update of `name` should be logged: its log exists, or the
    /// policy creates it (`HEAD`, `refs/heads/`, `refs/remotes/`,
    /// `refs/notes/` for `.normal`; every ref for `.always`).
    public func shouldLog(_ name: [UInt8]) -> Bool {
        if POSIX.exists(reflogPath(of: name)) { return true }
        switch reflogPolicy {
        case .existingOnly: return false
        case .always: return true
        case .normal:
            return name == Array("HEAD".utf8) || Self.loggedPrefixes.contains { name.starts(with: $0) }
        }
    }

    /// Appends `old new committer\tmessage\n` to `logs/<name>`, creating the
    /// directories and file as needed. The message is put on one line as git
    /// does: leading whitespace dropped, runs of whitespace (newlines
    /// included) turned into one space, trailing whitespace removed; the tab
    /// is omitted for an empty message. One `write` with `O_APPEND`.
    public func appendReflog(_ name: [UInt8], _ entry: ReflogEntry) throws {
        guard RefName.isStorable(name) else { throw StoreError.invalidRefName(name) }
        var line = entry.old.hexBytes + [0x20] + entry.new.hexBytes + [0x20] + entry.committer
        let message = Self.oneLine(entry.message)
        if !message.isEmpty { line += [0x09] + message }
        line.append(0x0A)
        let file = reflogPath(of: name)
        var fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        if fd < 0 && errno == ENOENT {
            try POSIX.makeDirectories(POSIX.directoryName(file))
            fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw StoreError.io(operation: "open", path: file, errno: errno) }
        defer { close(fd) }
        try line.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: file) }
    }

    /// The reflog of `name`, oldest first; empty if there is none.
    /// Malformed lines are skipped, as git does.
    public func readReflog(_ name: [UInt8]) throws -> [ReflogEntry] {
        guard RefName.isStorable(name), let bytes = try POSIX.readFile(reflogPath(of: name)) else { return [] }
        let hexLength = algorithm.hexLength
        var entries: [ReflogEntry] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let start = line.startIndex
            guard line.count > 2 * hexLength + 2, line[start + hexLength] == 0x20, line[start + 2 * hexLength + 1] == 0x20,
                let old = ObjectID(hexBytes: line[start..<(start + hexLength)]),
                let new = ObjectID(hexBytes: line[(start + hexLength + 1)..<(start + 2 * hexLength + 1)])
            else { continue }
            let rest = line[(start + 2 * hexLength + 2)...]
            let tab = rest.firstIndex(of: 0x09)
            let committer = Array(rest[..<(tab ?? rest.endIndex)])
            let message = tab.map { Array(rest[($0 + 1)...]) } ?? []
            entries.append(ReflogEntry(old: old, new: new, committer: committer, message: message))
        }
        return entries
    }

    static let loggedPrefixes: [[UInt8]] = ["refs/heads/", "refs/remotes/", "refs/notes/"].map { Array($0.utf8) }

    /// A reflog message on one line (see `appendReflog`).
    static func oneLine(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count)
        var pendingSpace = false
        for byte in message {
            if isSpace(byte) || byte == 0x0B || byte == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
    }
}
