import PfadStore

extension ReceivePolicy {
    /// The policy `git receive-pack` takes from a repository's config:
    /// `receive.denyNonFastForwards`, `receive.denyDeletes`,
    /// `receive.fsckObjects` (falling back to `transfer.fsckObjects`; pfad
    /// checks by default, git does not), `receive.maxInputSize`.
    /// - Throws: `ConfigError` for values that are not booleans or numbers.
    public init(settings: ConfigStack) throws {
        self.init()
        allowNonFastForward = !(try settings.getBool("receive.denynonfastforwards") ?? false)
        allowDeletes = !(try settings.getBool("receive.denydeletes") ?? false)
        checkObjects = try settings.getBool("receive.fsckobjects") ?? settings.getBool("transfer.fsckobjects") ?? true
        if let limit = try settings.getInt("receive.maxinputsize"), limit > 0 { maximumPackBytes = limit }
    }
}
