import PfadDiff

/// git's C-style quoting of paths in command output (`core.quotePath`).
///
/// A path that holds a control character, `"`, `\` or — with `quotePath` —
/// any byte ≥ 0x80 is printed in double quotes with `\a \b \t \n \v \f \r \" \\`
/// escapes and three-digit octal for other bytes, e.g.
/// `"Leitf\303\244den/\303\234ber uns.md"`. Other paths are printed as they are.
/// The quoting itself is `PfadDiff.PathQuote`, shared with patch headers.
public enum PathQuoting {
    /// The printable form of `path`.
    public static func quote(_ path: [UInt8], quotePath: Bool = true) -> [UInt8] {
        PathQuote.quote(path, highBytes: quotePath)
    }

    /// `path` made relative to the folder `prefix` ('/'-terminated, from the
    /// work tree root), with `../` steps where it lies outside, as git prints
    /// paths in `status -s` and `ls-files`.
    public static func relative(_ path: [UInt8], to prefix: [UInt8]) -> [UInt8] {
        if prefix.isEmpty { return path }
        if path.starts(with: prefix) { return Array(path.dropFirst(prefix.count)) }
        var prefixParts = prefix.split(separator: 0x2F).map(Array.init)
        var pathParts = path.split(separator: 0x2F, omittingEmptySubsequences: false).map(Array.init)
        while let p = prefixParts.first, let q = pathParts.first, p == q, pathParts.count > 1 {
            prefixParts.removeFirst()
            pathParts.removeFirst()
        }
        let ups = [UInt8](repeating: 0, count: prefixParts.count).flatMap { _ in Array("../".utf8) }
        return ups + Array(pathParts.joined(separator: [0x2F]))
    }
}
