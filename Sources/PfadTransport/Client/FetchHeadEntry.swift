import PfadObjects

/// One line of `.git/FETCH_HEAD` as git writes it
/// (`Documentation/git-fetch.txt`; `<id>\t[not-for-merge]\t<description>`).
public struct FetchHeadEntry: Sendable, Equatable {
    /// The fetched object.
    public var id: ObjectID
    /// The remote ref name (`refs/heads/main`, `HEAD`).
    public var remoteName: [UInt8]
    /// Whether `git pull` merges it.
    public var forMerge: Bool

    /// An entry from its parts.
    public init(id: ObjectID, remoteName: [UInt8], forMerge: Bool) {
        self.id = id
        self.remoteName = remoteName
        self.forMerge = forMerge
    }

    /// The line, ending in `\n`: `branch 'main' of <url>`, `tag 'v1' of
    /// <url>`, `remote-tracking branch 'x' of <url>`, `'refs/x' of <url>`,
    /// or just `<url>` for `HEAD`. `url` is shortened as git does (trailing
    /// slashes and `.git` removed).
    public func line(url: String) -> [UInt8] {
        let name = String(decoding: remoteName, as: UTF8.self)
        let shown = Self.displayURL(url)
        let description: String
        if name == "HEAD" {
            description = shown
        } else if name.hasPrefix("refs/heads/") {
            description = "branch '\(name.dropFirst(11))' of \(shown)"
        } else if name.hasPrefix("refs/tags/") {
            description = "tag '\(name.dropFirst(10))' of \(shown)"
        } else if name.hasPrefix("refs/remotes/") {
            description = "remote-tracking branch '\(name.dropFirst(13))' of \(shown)"
        } else {
            description = "'\(name)' of \(shown)"
        }
        return Array("\(id.hex)\t\(forMerge ? "" : "not-for-merge")\t\(description)\n".utf8)
    }

    /// `url` without credentials, trailing slashes and a final `.git`.
    public static func displayURL(_ url: String) -> String {
        var text = Substring(RemoteLocation.anonymized(url))
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        if text.count > 4, text.hasSuffix(".git") { text = text.dropLast(4) }
        return String(text)
    }
}
