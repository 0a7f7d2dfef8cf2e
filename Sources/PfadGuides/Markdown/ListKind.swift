/// Whether a Markdown list is numbered or bulleted.
public enum ListKind: Sendable, Hashable {
    /// `-`, `*` or `+` items.
    case bullet
    /// `1.` or `1)` items; `start` is the number of the first item.
    case ordered(start: Int)
}
