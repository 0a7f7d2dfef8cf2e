/// Why object content could not be parsed.
///
/// The one error type of `PfadObjects`. Every case carries enough context
/// (object type, byte offset, the offending bytes) to explain the failure.
public enum ObjectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The content of an object of `type` is malformed at byte `offset`.
    case malformed(type: ObjectType, offset: Int, reason: String)
    /// A required header line (`tree`, `author`, `object`, ...) is missing.
    case missingHeader(type: ObjectType, key: String)
    /// An identity line (`Name <email> time zone`) cannot be parsed.
    case badSignature(line: [UInt8], reason: String)
    /// A hexadecimal object id is not valid for the repository's algorithm.
    case badObjectID(type: ObjectType, offset: Int, hex: [UInt8], algorithm: HashAlgorithm)
    /// A tag names an object type that does not exist.
    case unknownObjectType(name: [UInt8])

    /// A one-line explanation, suitable after `fatal: `.
    public var description: String {
        switch self {
        case .malformed(let type, let offset, let reason):
            return "malformed \(type.rawValue) object at offset \(offset): \(reason)"
        case .missingHeader(let type, let key):
            return "malformed \(type.rawValue) object: missing '\(key)' header"
        case .badSignature(let line, let reason):
            return "bad identity line '\(String(decoding: line, as: UTF8.self))': \(reason)"
        case .badObjectID(let type, let offset, let hex, let algorithm):
            return "malformed \(type.rawValue) object at offset \(offset): '\(String(decoding: hex, as: UTF8.self))' is not a \(algorithm.rawValue) object id"
        case .unknownObjectType(let name):
            return "unknown object type '\(String(decoding: name, as: UTF8.self))'"
        }
    }
}
