/// Why a checkout was refused: tracked files with local changes that the
/// move would overwrite, and untracked files in the way. Printed in git's
/// words (`unpack-trees.c` messages, as `git checkout` shows them).
public struct CheckoutConflicts: Sendable, Equatable, CustomStringConvertible {
    /// The command named in the messages ("checkout", "merge", "reset").
    public var operation: String
    /// Tracked paths whose index or work-tree content differs from the old tree.
    public var localChanges: [[UInt8]]
    /// Untracked (not ignored) paths that a new file or folder would replace.
    public var untracked: [[UInt8]]

    /// A conflict report for `operation`.
    public init(operation: String, localChanges: [[UInt8]] = [], untracked: [[UInt8]] = []) {
        self.operation = operation
        self.localChanges = localChanges
        self.untracked = untracked
    }

    /// True when nothing was found.
    public var isEmpty: Bool { localChanges.isEmpty && untracked.isEmpty }

    /// The lines git prints (each without its `error: ` prefix where git has one;
    /// the first line of each block is an error, the path lines start with a TAB).
    /// `quote` renders a path (git's C-style quoting).
    public func lines(quote: ([UInt8]) -> String) -> [(isError: Bool, text: String)] {
        var out: [(Bool, String)] = []
        if !localChanges.isEmpty {
            out.append((true, "Your local changes to the following files would be overwritten by \(operation):"))
            for path in localChanges { out.append((false, "\t" + quote(path))) }
            let hint = operation == "checkout"
                ? "Please commit your changes or stash them before you switch branches."
                : "Please commit your changes or stash them before you \(operation)."
            out.append((false, hint))
        }
        if !untracked.isEmpty {
            out.append((true, "The following untracked working tree files would be overwritten by \(operation):"))
            for path in untracked { out.append((false, "\t" + quote(path))) }
            out.append((false, "Please move or remove them before you \(operation == "checkout" ? "switch branches" : operation)."))
        }
        out.append((false, "Aborting"))
        return out
    }

    /// One line: the first message and the paths.
    public var description: String {
        let paths = (localChanges + untracked).map { String(decoding: $0, as: UTF8.self) }.joined(separator: ", ")
        if !localChanges.isEmpty {
            return "Your local changes would be overwritten by \(operation): \(paths)"
        }
        return "untracked working tree files would be overwritten by \(operation): \(paths)"
    }
}
