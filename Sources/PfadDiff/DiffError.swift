/// Every failure of the diff, patch and merge engine.
///
/// Each case carries the context a user needs to find the problem
/// (path, line number, hunk header).
public enum DiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A patch could not be parsed; `line` is 1-based in the patch text.
    case malformedPatch(line: Int, reason: String)
    /// A hunk of a patch does not match the file it should change; `line`
    /// is the hunk's old start line, `patchLine` its header line in the patch.
    case patchDoesNotApply(path: [UInt8], line: Int, patchLine: Int)
    /// A patch refers to a file state that is not there (missing, or already present).
    case patchTargetMismatch(path: [UInt8], reason: String)
    /// A `--word-diff-regex` or similar pattern was not understood.
    case invalidPattern(String)

    /// A one-line, human-readable message (paths shown as UTF-8, lossy).
    public var description: String {
        switch self {
        case let .malformedPatch(line, reason):
            return "corrupt patch at line \(line): \(reason)"
        case let .patchDoesNotApply(path, line, _):
            return "patch failed: \(String(decoding: path, as: UTF8.self)):\(line)"
        case let .patchTargetMismatch(path, reason):
            return "\(String(decoding: path, as: UTF8.self)): \(reason)"
        case let .invalidPattern(pattern):
            return "invalid pattern: \(pattern)"
        }
    }
}
