/// One hunk of a parsed patch.
public struct PatchHunk: Sendable, Hashable {
    /// One line of a hunk body.
    public enum Line: Sendable, Hashable {
        /// An unchanged line (bytes include the newline unless the file ends without one).
        case context([UInt8])
        /// A removed line.
        case removed([UInt8])
        /// An added line.
        case added([UInt8])
    }

    /// Old start line (1-based; 0 for an empty old side).
    public var oldStart: Int
    /// Old line count.
    public var oldCount: Int
    /// New start line (1-based).
    public var newStart: Int
    /// New line count.
    public var newCount: Int
    /// The body lines.
    public var lines: [Line]
    /// 1-based line of the `@@` header in the patch text (for messages).
    public var patchLine: Int

    /// The lines the old file must have here (context and removed).
    public var preimage: [[UInt8]] {
        lines.compactMap {
            switch $0 {
            case let .context(l), let .removed(l): return l
            case .added: return nil
            }
        }
    }

    /// The lines that replace them (context and added).
    public var postimage: [[UInt8]] {
        lines.compactMap {
            switch $0 {
            case let .context(l), let .added(l): return l
            case .removed: return nil
            }
        }
    }

    /// The hunk with old and new swapped (`apply -R`).
    public var reversed: PatchHunk {
        PatchHunk(
            oldStart: newStart, oldCount: newCount, newStart: oldStart, newCount: oldCount,
            lines: lines.map {
                switch $0 {
                case .context: return $0
                case let .removed(l): return .added(l)
                case let .added(l): return .removed(l)
                }
            }, patchLine: patchLine)
    }
}

/// The part of a patch that concerns one file.
public struct FilePatchText: Sendable, Hashable {
    /// Old path after stripping, nil when the file is created.
    public var oldPath: [UInt8]?
    /// New path after stripping, nil when the file is deleted.
    public var newPath: [UInt8]?
    /// Old mode, when the patch states it.
    public var oldMode: UInt32?
    /// New mode, when the patch states it.
    public var newMode: UInt32?
    /// Whether the patch creates the file.
    public var isCreation: Bool
    /// Whether the patch deletes the file.
    public var isDeletion: Bool
    /// Whether the patch is a binary patch (not supported for applying).
    public var isBinary: Bool
    /// Whether the new file is a copy (`copy from`/`copy to`): the old file stays.
    public var isCopy: Bool = false
    /// The hunks, in order.
    public var hunks: [PatchHunk]

    /// The patch undone (`apply -R`).
    public var reversed: FilePatchText {
        FilePatchText(
            oldPath: newPath, newPath: oldPath, oldMode: newMode, newMode: oldMode,
            isCreation: isDeletion, isDeletion: isCreation, isBinary: isBinary, isCopy: isCopy,
            hunks: hunks.map(\.reversed))
    }
}
