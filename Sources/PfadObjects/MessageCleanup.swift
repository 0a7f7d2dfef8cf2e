/// How a commit or tag message is cleaned before it is stored
/// (`git commit --cleanup=<mode>`, `git stripspace`).
public enum CleanupMode: String, Sendable, CaseIterable {
    /// `whitespace`, then drop lines starting with the comment character.
    case strip
    /// Strip trailing whitespace of every line, collapse runs of blank
    /// lines into one, drop leading and trailing blank lines, end with a
    /// newline.
    case whitespace
    /// Keep the message exactly as given.
    case verbatim
}

/// Git's commit-message clean-up.
///
/// Which mode git uses by default (checked with git 2.39.5): `strip` when
/// the message was edited in an editor, `whitespace` otherwise — so
/// `git commit -m` and `git commit -F file` keep lines starting with `#`
/// (only whitespace is cleaned), and `git stripspace` without options is
/// `whitespace` while `git stripspace -s` is `strip`. Only a comment
/// character in the very first column makes a comment line; `  # x` stays.
public enum MessageCleanup {
    /// `message` cleaned according to `mode`. O(n).
    public static func clean(_ message: [UInt8], mode: CleanupMode, commentChar: UInt8 = 0x23) -> [UInt8] {
        if mode == .verbatim { return message }
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 1)
        var pendingBlank = false
        for line in message.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if mode == .strip, line.first == commentChar { continue }
            let end = line.lastIndex(where: { !isWhitespace($0) }).map { $0 + 1 } ?? line.startIndex
            let trimmed = line[line.startIndex..<end]
            if trimmed.isEmpty {
                pendingBlank = !out.isEmpty
                continue
            }
            if pendingBlank { out.append(0x0A) }
            pendingBlank = false
            out += trimmed
            out.append(0x0A)
        }
        return out
    }

    /// The subject line `git log --format=%s` shows: the first paragraph of
    /// `message` (after leading blank lines), each line stripped of trailing
    /// whitespace and the lines joined by single spaces; leading whitespace
    /// stays (checked with git 2.39.5). O(n).
    public static func summary(of message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var started = false
        for line in message.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard let last = line.lastIndex(where: { !isWhitespace($0) }) else {
                if started { break } else { continue }
            }
            if started { out.append(0x20) }
            started = true
            out += line[line.startIndex...last]
        }
        return out
    }

    /// Whitespace as git's own `isspace` sees it: space, tab, LF, CR
    /// (not VT or FF: `printf 'b \f' | git stripspace` keeps the form feed).
    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }
}
