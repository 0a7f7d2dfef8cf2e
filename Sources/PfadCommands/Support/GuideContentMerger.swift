import PfadDiff
import PfadGuides
import PfadRepository

/// The content merger the commands install in every repository they
/// open: the guide merge (Spec/guide-merge.md) for paths whose `merge`
/// attribute is `guide`, and for `*.md` files whose attribute is
/// unspecified; git's line merge for everything else (`merge=text`,
/// `merge`, other drivers).
enum GuideContentMerger {
    /// Whether `path` is merged as a guide under `attributes`.
    static func isGuide(_ path: [UInt8], attributes: MergeAttributes) -> Bool {
        switch attributes.value(for: path) {
        case .driver("guide")?: return true
        case nil: return path.count > 3 && path.suffix(3).elementsEqual(".md".utf8)
        default: return false
        }
    }

    /// The merger for `repository`, reading its attribute files once.
    static func merger(for repository: Repository) -> ContentMerger {
        let attributes = MergeAttributes(repository)
        return ContentMerger { path, base, ours, theirs, options in
            if isGuide(path, attributes: attributes) {
                return GuideMerge.merge(base: base, current: ours, other: theirs, options: options)
            }
            return ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: options)
        }
    }
}
