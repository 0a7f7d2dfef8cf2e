/// git's binary test: a content is binary when a NUL byte occurs among its
/// first 8000 bytes.
public enum BinaryDetection {
    /// How many leading bytes git inspects.
    public static let inspectedLength = 8000

    /// Whether `bytes` looks binary. O(min(n, 8000)).
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(inspectedLength).contains(0)
    }
}
