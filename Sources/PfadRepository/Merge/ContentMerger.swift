import PfadDiff

/// How a merge of trees merges the content of a file both sides changed:
/// a function of the path and the three versions. The repository layer
/// knows only the line merge (`text`); the commands install one that
/// chooses by the path's attributes (the guide merge for guides).
public struct ContentMerger: Sendable {
    /// Merges `ours` and `theirs` of `path` against `base`.
    public let merge: @Sendable (_ path: [UInt8], _ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8], _ options: MergeOptions) -> MergeResult

    /// A merger calling `merge`.
    public init(_ merge: @escaping @Sendable (_ path: [UInt8], _ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8], _ options: MergeOptions) -> MergeResult) {
        self.merge = merge
    }

    /// git's line merge (`git merge-file`) for every path.
    public static let text = ContentMerger { _, base, ours, theirs, options in
        ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: options)
    }
}
