/// One account of the users file: a name, a bcrypt password hash and the
/// refs the user may create, update or delete by pushing.
public struct ServerUser: Sendable, Hashable {
    /// The login name (`arnsberg`).
    public let name: String
    /// The bcrypt hash of the password (`$2b$12$…`).
    public let passwordHash: String
    /// The refs this user may push; empty means read-only.
    public let refPatterns: [RefPattern]

    /// A user as read from the users file.
    public init(name: String, passwordHash: String, refPatterns: [RefPattern]) {
        self.name = name
        self.passwordHash = passwordHash
        self.refPatterns = refPatterns
    }

    /// Whether this user may update the full ref name `ref`.
    public func mayUpdate(_ ref: [UInt8]) -> Bool {
        refPatterns.contains { $0.matches(ref) }
    }
}
