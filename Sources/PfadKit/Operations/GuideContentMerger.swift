import PfadDiff
import PfadGuides
import PfadRepository

/// The content merger the commands (and PfadKit's merge operations)
/// install in the repositories they merge in: the guide merge (Spec/guide-merge.md) for paths whose `merge`
/// attribute is `guide`, and for `*.md` files whose attribute is
/// unspecified; git's line merge for everything else (`merge=text`,
/// `merge`, other drivers).
public enum GuideContentMerger {
    /// Whether `path` is merged as a guide under `attributes`.
    public static func isGuide(_ path: [UInt8], attributes: MergeAttributes) -> Bool {
        switch attributes.value(for: path) {
        case .driver("guide")?: return true
        case nil: return path.count > 3 && path.suffix(3).elementsEqual(".md".utf8)
        default: return false
        }
    }

    /// The merger for `repository`, reading its attribute files once.
    public static func merger(for repository: Repository) -> ContentMerger {
        let attributes = MergeAttributes(repository)
        return ContentMerger { path, base, ours, theirs, options in
            if isGuide(path, attributes: attributes) {
                return GuideMerge.merge(base: base, current: ours, other: theirs, options: options)
            }
            return ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: options)
        }
    }
}

extension Repository {
    /// This repository with the guide merge installed for guide paths
    /// (`GuideContentMerger`); merges, cherry-picks and reverts through it
    /// merge Markdown guides by blocks, sentences and words.
    public func mergingGuides() -> Repository {
        var copy = self
        copy.contentMerger = GuideContentMerger.merger(for: self)
        return copy
    }
}
