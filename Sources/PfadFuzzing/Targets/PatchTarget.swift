import PfadDiff

/// A patch for `apply`. The input is `preimage NUL patch` (without a NUL
/// the preimage is empty); each parsed file patch is applied to the
/// preimage forwards and, when that works, the result backwards, which
/// must give the preimage again.
enum PatchTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let split = bytes.firstIndex(of: 0)
        let preimage = split.map { Array(bytes[..<$0]) } ?? []
        let text = split.map { Array(bytes[($0 + 1)...]) } ?? bytes
        guard let patches = try? PatchParser.parse(text), !patches.isEmpty else { return .rejected }
        _ = try? PatchParser.parse(text, strip: 0)
        for patch in patches {
            _ = patch.reversed
            for hunk in patch.hunks {
                _ = hunk.preimage
                _ = hunk.postimage
            }
            guard let result = try? PatchApplier.apply(patch, to: preimage, path: patch.newPath ?? []) else { continue }
            _ = try? PatchApplier.apply(patch.reversed, to: result, path: patch.oldPath ?? [])
        }
        return .accepted
    }
}
