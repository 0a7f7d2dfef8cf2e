/// The parsers that read bytes a user or a peer controls, one fuzz target
/// each. `run(_:)` feeds the bytes in and reports the outcome; the fuzz
/// executable (`pfad-fuzz`) and the regression tests share it.
public enum FuzzTarget: String, Sendable, CaseIterable {
    /// A loose object file: zlib stream, `type size\0` header, content.
    case looseObject = "loose-object"
    /// Commit content (`Commit.parse`), its identities and dates.
    case commit
    /// Tag content (`Tag.parse`).
    case tag
    /// Tree content (`Tree.parse`).
    case tree
    /// A whole pack, indexed as `index-pack` does (entry headers, zlib,
    /// deltas); the trailer is recomputed so inputs get past the checksum.
    case pack
    /// A delta applied to a base (first two bytes: base length).
    case delta
    /// A pack index (`.idx`, version 1 or 2) and lookups through it.
    case idx
    /// The index file (`.git/index`, versions 2–4, extensions).
    case index
    /// A config file and typed reads of each of its values.
    case config
    /// pkt-line framing, side-band and the protocol messages read from a
    /// peer (first byte picks the reader).
    case pktLine = "pkt-line"
    /// The parts of a smart-HTTP request pfad reads itself: path and
    /// `service` query, `Authorization`, `Git-Protocol`, gzip body.
    case httpRequest = "http-request"
    /// A patch for `apply` and its application to a preimage.
    case patch
    /// A guide's YAML front matter, with one-key edits.
    case frontMatter = "front-matter"

    /// Feeds `bytes` to the target's parser. Never throws; only a crash,
    /// a hang or `.violation` is a finding.
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        switch self {
        case .looseObject: LooseObjectTarget.run(bytes)
        case .commit: ObjectTargets.commit(bytes)
        case .tag: ObjectTargets.tag(bytes)
        case .tree: ObjectTargets.tree(bytes)
        case .pack: PackTarget.run(bytes)
        case .delta: DeltaTarget.run(bytes)
        case .idx: PackIndexTarget.run(bytes)
        case .index: IndexFileTarget.run(bytes)
        case .config: ConfigTarget.run(bytes)
        case .pktLine: PktLineTarget.run(bytes)
        case .httpRequest: HTTPRequestTarget.run(bytes)
        case .patch: PatchTarget.run(bytes)
        case .frontMatter: FrontMatterTarget.run(bytes)
        }
    }
}
