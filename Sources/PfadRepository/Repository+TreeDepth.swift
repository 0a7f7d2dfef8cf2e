import PfadObjects

extension Repository {
    /// The default of `core.maxTreeDepth`.
    public static let defaultMaximumTreeDepth = 4096

    /// `core.maxTreeDepth`: how deeply trees may nest (see `TreeDepths`)
    /// before fsck reports `treeTooDeep` and a push is refused; 4096 when
    /// unset, not a positive number, or unreadable.
    public var maximumTreeDepth: Int {
        guard let value = try? settings.getInt("core.maxtreedepth"), value > 0 else { return Self.defaultMaximumTreeDepth }
        return value
    }
}
