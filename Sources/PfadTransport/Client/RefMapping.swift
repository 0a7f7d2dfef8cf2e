/// One remote ref selected by a refspec and where it goes locally
/// (`Documentation/pull-fetch-param.txt`, `<refspec>`).
public struct RefMapping: Sendable, Equatable {
    /// The remote ref.
    public var remote: AdvertisedRef
    /// The local ref to update, nil for a refspec without destination
    /// (fetched into FETCH_HEAD only).
    public var local: [UInt8]?
    /// `+`: non-fast-forward updates allowed.
    public var force: Bool
    /// Added by tag following, not by a refspec.
    public var tagFollowed = false
    /// Selected by a pattern refspec.
    public var fromPattern = false
    /// Added to update a remote-tracking ref beside a command-line refspec.
    public var opportunistic = false

    /// A mapping from its parts.
    public init(remote: AdvertisedRef, local: [UInt8]?, force: Bool, tagFollowed: Bool = false, fromPattern: Bool = false) {
        self.remote = remote
        self.local = local
        self.force = force
        self.tagFollowed = tagFollowed
        self.fromPattern = fromPattern
    }

    /// The full names a short name may stand for, in git's order
    /// (`Documentation/revisions.txt`, `<refname>`).
    public static func expansions(of name: String) -> [String] {
        [name, "refs/\(name)", "refs/tags/\(name)", "refs/heads/\(name)", "refs/remotes/\(name)", "refs/remotes/\(name)/HEAD"]
    }

    /// The advertised ref a plain (non-pattern) source names: itself when it
    /// starts with `refs/` or is `HEAD`, else the first of its DWIM
    /// expansions the server has.
    public static func resolve(_ spec: Refspec, in refs: [AdvertisedRef]) -> AdvertisedRef? {
        let text = String(decoding: spec.source, as: UTF8.self)
        let candidates = text.hasPrefix("refs/") || text == "HEAD" ? [text] : expansions(of: text)
        return candidates.lazy.compactMap { c in refs.first { $0.name == Array(c.utf8) && $0.id != nil } }.first
    }

    /// Maps `refs` through `refspecs`, refspec by refspec, refs in the
    /// server's order; negative refspecs remove what they match. A plain
    /// source selects the first ref its DWIM expansions name.
    public static func map(_ refs: [AdvertisedRef], through refspecs: [Refspec]) -> [RefMapping] {
        var result: [RefMapping] = []
        let negatives = refspecs.filter(\.negative)
        for spec in refspecs where !spec.negative {
            let isPattern = spec.source.contains(0x2A)
            if isPattern {
                for ref in refs where spec.matchesSource(ref.name) && ref.id != nil {
                    result.append(RefMapping(remote: ref, local: spec.mapToDestination(ref.name), force: spec.force, fromPattern: true))
                }
            } else {
                guard let ref = resolve(spec, in: refs) else { continue }
                var local = spec.destination
                if let destination = local, !destination.starts(with: Array("refs/".utf8)), destination != Array("HEAD".utf8) {
                    // `main:x` stores into refs/heads/x as git does.
                    local = Array("refs/heads/".utf8) + destination
                }
                if local?.isEmpty == true { local = nil }
                result.append(RefMapping(remote: ref, local: local, force: spec.force))
            }
        }
        return result.filter { mapping in !negatives.contains { $0.matchesSource(mapping.remote.name) } }
    }
}
