/// How deeply trees nest: a tree holding only files (or nothing) has depth
/// 1, any other tree one more than its deepest subtree — so `a/b/c/f` sits
/// in a root tree of depth 4, the count git's `core.maxTreeDepth` limits.
///
/// Depths are computed without recursion (an explicit stack, so 100,000
/// nested levels do not overflow the call stack) and remembered, so every
/// tree of a DAG is expanded once however many trees share it. O(trees +
/// entries) over all calls; O(trees) memory.
public struct TreeDepths {
    private var known: [ObjectID: Int] = [:]

    /// No depths known yet.
    public init() {}

    /// The depth of `root`. `subtrees` gives the subtree ids of a tree, nil
    /// for a tree that cannot be read (it counts as depth 0: missing
    /// objects are reported elsewhere).
    /// - Throws: whatever `subtrees` throws.
    public mutating func depth(of root: ObjectID, subtrees: (ObjectID) throws -> [ObjectID]?) rethrows -> Int {
        if let depth = known[root] { return depth }
        var pending: [ObjectID: [ObjectID]] = [:]
        var stack: [ObjectID] = [root]
        while let id = stack.last {
            if known[id] != nil {
                stack.removeLast()
                continue
            }
            if let children = pending[id] {
                // Every child is known now (or was in progress: a cycle,
                // impossible with hashed ids, counts as 0).
                stack.removeLast()
                pending[id] = nil
                known[id] = 1 + children.reduce(0) { max($0, known[$1] ?? 0) }
                continue
            }
            guard let children = try subtrees(id) else {
                stack.removeLast()
                known[id] = 0
                continue
            }
            pending[id] = children
            for child in children where known[child] == nil && pending[child] == nil {
                stack.append(child)
            }
        }
        return known[root] ?? 0
    }
}
