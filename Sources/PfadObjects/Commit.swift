/// A commit object.
///
/// Headers git writes in a fixed order (`tree`, `parent`*, `author`,
/// `committer`) have properties; every later header (`encoding`,
/// `mergetag`, `gpgsig`, ...) is kept in `extraHeaders` in stored order.
public struct Commit: Hashable, Sendable {
    /// The root tree.
    public var tree: ObjectID
    /// Parent commits, first parent first.
    public var parents: [ObjectID]
    /// Who wrote the change.
    public var author: Signature
    /// Who recorded the commit.
    public var committer: Signature
    /// Headers after `committer`, in stored order.
    public var extraHeaders: [ObjectHeaderField]
    /// Everything after the blank line that ends the headers, raw bytes.
    public var message: [UInt8]

    /// A commit from its parts.
    public init(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
        extraHeaders: [ObjectHeaderField] = [], message: [UInt8]
    ) {
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.extraHeaders = extraHeaders
        self.message = message
    }

    /// The value of the first extra header named `key`, if any. O(n).
    public func header(_ key: String) -> [UInt8]? {
        let k = Array(key.utf8)
        return extraHeaders.first { $0.key == k }?.value
    }

    /// The `encoding` header, nil when absent (meaning UTF-8).
    public var encoding: [UInt8]? { header("encoding") }

    /// The summary as `git log --oneline` shows it: the first paragraph of
    /// the message with its lines joined by spaces. O(n).
    public var summary: [UInt8] { MessageCleanup.summary(of: message) }
}
