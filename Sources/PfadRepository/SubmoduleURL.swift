/// fsck's `gitmodulesUrl` rule (git 2.39): which submodule URLs in a
/// `.gitmodules` blob could turn into an attack when a clone follows them.
/// Refused are:
/// - anything starting with `-` (it would be read as an option);
/// - relative URLs (`./`, `../`, also with `\`) and `git://` URLs that
///   contain a newline once `%XX` escapes are decoded, or whose leading
///   `../` steps are followed by `:` or `/` (they would rewrite the host of
///   the superproject's URL);
/// - URLs handled by git's curl helper (`http://`, `https://`, `ftp://`,
///   `ftps://`, and `http::…` style prefixes) whose host is empty or whose
///   user, password, host or path contains a newline after decoding.
/// Everything else (ssh, scp-style, local paths) is allowed.
public enum SubmoduleURL {
    /// True unless `url` is refused by the rule above. O(length of `url`).
    public static func isAllowed(_ url: [UInt8]) -> Bool {
        if url.first == UInt8(ascii: "-") { return false }
        if isRelative(url[...]) || url.starts(with: "git://".utf8) {
            if hasNewline(decoded(url[...])) { return false }
            var rest = url[...]
            var steps = 0
            while true {
                if startsWithDotDotSlash(rest) {
                    steps += 1
                    rest = rest.dropFirst(3)
                } else if startsWithDotSlash(rest) {
                    rest = rest.dropFirst(2)
                } else {
                    break
                }
            }
            if steps > 0, let next = rest.first, next == UInt8(ascii: ":") || next == UInt8(ascii: "/") { return false }
            return true
        }
        if let curl = curlURL(url) { return isAllowedCurlURL(curl) }
        return true
    }

    private static func isSeparator(_ b: UInt8?) -> Bool { b == UInt8(ascii: "/") || b == UInt8(ascii: "\\") }

    private static func startsWithDotSlash(_ s: ArraySlice<UInt8>) -> Bool {
        s.first == UInt8(ascii: ".") && isSeparator(s.dropFirst().first)
    }

    private static func startsWithDotDotSlash(_ s: ArraySlice<UInt8>) -> Bool {
        s.starts(with: "..".utf8) && isSeparator(s.dropFirst(2).first)
    }

    private static func isRelative(_ s: ArraySlice<UInt8>) -> Bool { startsWithDotSlash(s) || startsWithDotDotSlash(s) }

    /// The URL git would hand to its curl helper, or nil for other transports.
    private static func curlURL(_ url: [UInt8]) -> ArraySlice<UInt8>? {
        for prefix in ["http::", "https::", "ftp::", "ftps::"] where url.starts(with: prefix.utf8) {
            return url.dropFirst(prefix.utf8.count)
        }
        for prefix in ["http://", "https://", "ftp://", "ftps://"] where url.starts(with: prefix.utf8) {
            return url[...]
        }
        return nil
    }

    /// Splits `scheme://[user[:password]@]host[/?#…]` the way git's
    /// credential code does and checks each decoded part.
    private static func isAllowedCurlURL(_ url: ArraySlice<UInt8>) -> Bool {
        guard let schemeEnd = firstRange(of: Array("://".utf8), in: url), schemeEnd > url.startIndex else { return false }
        let scheme = url[url.startIndex..<schemeEnd]
        let rest = url[(schemeEnd + 3)...]
        let slash = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
        let at = rest.firstIndex(of: UInt8(ascii: "@"))
        let colon = rest.firstIndex(of: UInt8(ascii: ":"))
        var parts: [[UInt8]] = [Array(scheme)]
        var hostStart = rest.startIndex
        if let at, at < slash {
            if let colon, colon < at {
                parts.append(decoded(rest[rest.startIndex..<colon]))
                parts.append(decoded(rest[(colon + 1)..<at]))
            } else {
                parts.append(decoded(rest[rest.startIndex..<at]))
            }
            hostStart = at + 1
        }
        let host = decoded(rest[hostStart..<slash])
        parts.append(host)
        let path = rest[slash...].drop { $0 == UInt8(ascii: "/") }
        if !path.isEmpty { parts.append(decoded(path)) }
        if parts.contains(where: hasNewline) { return false }
        // git reads the host as a C string: a decoded NUL ends it.
        return host.first.map { $0 != 0 } ?? false
    }

    /// `%XX` escapes decoded, except in the part before the first `:` (git
    /// keeps a scheme as written).
    static func decoded(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        if let colon = s.firstIndex(of: UInt8(ascii: ":")), colon > s.startIndex {
            out += s[s.startIndex..<colon]
            i = colon
        }
        while i < s.endIndex {
            let byte = s[i]
            if byte == UInt8(ascii: "%"), i + 2 < s.endIndex, let high = hexValue(s[i + 1]), let low = hexValue(s[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }

    /// A newline before the first NUL (git searches C strings).
    private static func hasNewline(_ bytes: [UInt8]) -> Bool {
        bytes.prefix { $0 != 0 }.contains(UInt8(ascii: "\n"))
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
