import PfadStore

/// A configured remote (`remote.<name>.*` in the config, see
/// `Documentation/config/remote.txt`).
public struct Remote: Sendable, Hashable {
    /// The remote's name (`origin`).
    public var name: String
    /// `remote.<name>.url` values (the first is used for fetching).
    public var urls: [String]
    /// `remote.<name>.pushurl` values; pushes use `urls` when empty.
    public var pushURLs: [String]
    /// `remote.<name>.fetch` refspecs.
    public var fetchRefspecs: [Refspec]
    /// `remote.<name>.push` refspecs.
    public var pushRefspecs: [Refspec]

    /// A remote from its parts.
    public init(name: String, urls: [String], pushURLs: [String] = [], fetchRefspecs: [Refspec] = [], pushRefspecs: [Refspec] = []) {
        self.name = name
        self.urls = urls
        self.pushURLs = pushURLs
        self.fetchRefspecs = fetchRefspecs
        self.pushRefspecs = pushRefspecs
    }

    /// The remote called `name` in `settings`, or `nil` if it has no URL.
    /// - Throws: `TransportError.invalidRefspec` for a bad configured refspec.
    public static func named(_ name: String, in settings: ConfigStack) throws -> Remote? {
        let urls = settings.getAll("remote.\(name).url")
        guard !urls.isEmpty else { return nil }
        return Remote(
            name: name, urls: urls, pushURLs: settings.getAll("remote.\(name).pushurl"),
            fetchRefspecs: try settings.getAll("remote.\(name).fetch").map(Refspec.init(parsing:)),
            pushRefspecs: try settings.getAll("remote.\(name).push").map(Refspec.init(parsing:)))
    }

    /// The names of the configured remotes (those with a `url`), in config
    /// order of first appearance, as `git remote` lists them.
    public static func names(in settings: ConfigStack) -> [String] {
        var names: [String] = []
        for layer in settings.layers {
            for (key, _) in layer.entries where key.lowercased().hasPrefix("remote.") && key.lowercased().hasSuffix(".url") {
                let name = String(key.dropFirst(7).dropLast(4))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The default fetch refspec git writes for a new remote:
    /// `+refs/heads/*:refs/remotes/<name>/*`.
    public static func defaultFetchRefspec(for name: String) -> Refspec {
        Refspec(source: Array("refs/heads/*".utf8), destination: Array("refs/remotes/\(name)/*".utf8), force: true)
    }
}
