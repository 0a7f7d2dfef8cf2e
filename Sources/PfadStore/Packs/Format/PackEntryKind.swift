import PfadObjects

/// How a packed object is stored: whole, or as a delta against a base found
/// by offset (`OFS_DELTA`) or by id (`REF_DELTA`). The one place where
/// pack type codes are mapped.
public enum PackEntryKind: Sendable, Hashable {
    /// A whole object of this type.
    case whole(ObjectType)
    /// A delta whose base starts at this absolute pack offset.
    case offsetDelta(baseOffset: Int)
    /// A delta whose base is the object with this id.
    case refDelta(base: ObjectID)

    /// Type code of `OFS_DELTA` entries.
    public static let offsetDeltaCode = 6
    /// Type code of `REF_DELTA` entries.
    public static let refDeltaCode = 7

    /// git's numeric type code (1–4, 6, 7), as `verify-pack` and the entry header use.
    public var typeCode: Int {
        switch self {
        case .whole(let type): return Self.typeCode(of: type)
        case .offsetDelta: return Self.offsetDeltaCode
        case .refDelta: return Self.refDeltaCode
        }
    }

    /// The type code of a whole object of `type`: commit 1, tree 2, blob 3, tag 4.
    public static func typeCode(of type: ObjectType) -> Int {
        switch type {
        case .commit: return 1
        case .tree: return 2
        case .blob: return 3
        case .tag: return 4
        }
    }

    /// The object type for a whole-object type code (1–4); nil for any other code.
    public static func objectType(code: Int) -> ObjectType? {
        switch code {
        case 1: return .commit
        case 2: return .tree
        case 3: return .blob
        case 4: return .tag
        default: return nil
        }
    }
}
