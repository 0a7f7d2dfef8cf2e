import PfadObjects

/// A store of objects addressed by id (loose files today; packs and memory later).
///
/// Absent objects are `nil`; damaged ones throw `StoreError`.
public protocol ObjectDatabase: Sendable {
    /// The hash function naming the objects.
    var algorithm: HashAlgorithm { get }
    /// The object named `id`, verified against its hash; nil if absent.
    func read(_ id: ObjectID) throws -> RawObject?
    /// Only the type and size of `id` (cheap: no full decompression); nil if absent.
    func readHeader(_ id: ObjectID) throws -> (type: ObjectType, size: Int)?
    /// True if `id` is present (no verification).
    func contains(_ id: ObjectID) -> Bool
    /// Stores an object and returns its id; does nothing if it already exists.
    func write(type: ObjectType, content: [UInt8]) throws -> ObjectID
    /// Every object id, sorted.
    func allObjectIDs() throws -> [ObjectID]
    /// The ids starting with `prefix` (at least 4 hex digits), sorted.
    func ids(withHexPrefix prefix: String) throws -> [ObjectID]
}
