import PfadObjects

/// Every failure of the store layer, with the context needed to report it
/// (path, object id, ref name, offset).
///
/// `description` reads like one of git's own one-line messages without the
/// `fatal:`/`error:` prefix, which the command layer adds.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed (`operation` such as `open`, `rename`) on `path`.
    case io(operation: String, path: String, errno: Int32)
    /// `path.lock` already exists: another process holds the lock.
    case lockHeld(lockPath: String)
    /// zlib data could not be decoded; `context` names the file or object.
    case corruptZlib(context: String, detail: String)
    /// Inflated data exceeded its declared or permitted size (decompression bomb guard).
    case sizeLimitExceeded(context: String, limit: Int)
    /// A loose object file is malformed (bad header, size mismatch, trailing garbage).
    case corruptObject(path: String, detail: String)
    /// The content of an object file does not hash to its name.
    case hashMismatch(expected: ObjectID, actual: ObjectID, path: String)
    /// An abbreviated id was too short or not hexadecimal.
    case invalidHexPrefix(String)
    /// A ref name breaks `git check-ref-format` rules.
    case invalidRefName([UInt8])
    /// A ref file could not be parsed.
    case corruptRef(name: [UInt8], path: String, detail: String)
    /// `packed-refs` has a malformed line (1-based).
    case corruptPackedRefs(path: String, line: Int, detail: String)
    /// A compare-and-swap ref update found a different value than expected.
    case refChanged(name: [UInt8], expected: RefExpectation, actual: ObjectID?)
    /// A ref transaction failed on `name` at `stage` because of `cause`;
    /// every lock was released and no ref changed.
    indirect case refTransactionFailed(name: [UInt8], stage: RefTransactionStage, cause: StoreError)
    /// One ref transaction changes the same ref twice.
    case duplicateRefUpdate(name: [UInt8])
    /// A ref that must be a plain id is symbolic.
    case refIsSymbolic(name: [UInt8], target: [UInt8])
    /// Creating `name` collides with an existing ref `existing` (directory/file conflict).
    case refNameConflict(name: [UInt8], existing: [UInt8])
    /// Symbolic refs form a loop or nest deeper than the limit.
    case symrefLoop(name: [UInt8])
    /// A config file has a syntax error on `line` (1-based).
    case configSyntax(origin: String, line: Int)
    /// A config key is not of the form `section[.subsection].name`.
    case invalidConfigKey(String)
    /// A config value cannot be read as the requested type.
    case invalidConfigValue(key: String, value: String, kind: String, origin: String)
    /// A packfile is malformed at `offset` (nil: the file as a whole).
    case corruptPack(path: String, offset: Int?, detail: String)
    /// A pack index (`.idx`) is malformed.
    case corruptPackIndex(path: String, detail: String)
    /// A delta cannot be applied (copy out of range, wrong sizes, bad opcode).
    case corruptDelta(detail: String)

    /// What the user can do about this error, printed after it as a
    /// `hint:` line; nil when there is nothing to add. A lock left by a
    /// crashed process is the case that needs it.
    public var hint: String? {
        switch self {
        case .lockHeld:
            return "If no other pfad or git process is running in this repository, one crashed earlier: remove the file manually to continue."
        case let .refTransactionFailed(_, _, cause):
            return cause.hint
        default:
            return nil
        }
    }

    /// One line in git's wording, without the `fatal:`/`error:` prefix.
    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) '\(path)': \(Self.errnoText(code))"
        case let .lockHeld(lockPath):
            return "Unable to create '\(lockPath)': File exists."
        case let .corruptZlib(context, detail):
            return "corrupt zlib data in \(context): \(detail)"
        case let .sizeLimitExceeded(context, limit):
            return "inflated data of \(context) exceeds \(limit) bytes"
        case let .corruptObject(path, detail):
            return "corrupt loose object '\(path)': \(detail)"
        case let .hashMismatch(expected, actual, path):
            return "hash mismatch for \(path) (expected \(expected.hex), got \(actual.hex))"
        case let .invalidHexPrefix(prefix):
            return "invalid object name prefix '\(prefix)'"
        case let .invalidRefName(name):
            return "'\(Self.text(name))' is not a valid ref name"
        case let .corruptRef(name, path, detail):
            return "bad ref '\(Self.text(name))' in '\(path)': \(detail)"
        case let .corruptPackedRefs(path, line, detail):
            return "unexpected line \(line) in '\(path)': \(detail)"
        case let .refChanged(name, expected, actual):
            let n = Self.text(name)
            switch expected {
            case .absent:
                return "cannot lock ref '\(n)': reference already exists"
            case .value(let old):
                if let actual {
                    return "cannot lock ref '\(n)': is at \(actual.hex) but expected \(old.hex)"
                }
                return "cannot lock ref '\(n)': unable to resolve reference '\(n)'"
            case .any:
                return "cannot lock ref '\(n)'"
            }
        case let .refTransactionFailed(name, stage, cause):
            switch (stage, cause) {
            case (.lock, .lockHeld), (.lock, .io):
                return "cannot lock ref '\(Self.text(name))': \(cause.description)"
            default:
                return cause.description
            }
        case let .duplicateRefUpdate(name):
            return "multiple updates for ref '\(Self.text(name))' not allowed"
        case let .refIsSymbolic(name, target):
            return "ref '\(Self.text(name))' is a symbolic ref to '\(Self.text(target))'"
        case let .refNameConflict(name, existing):
            return "cannot lock ref '\(Self.text(name))': '\(Self.text(existing))' exists; cannot create '\(Self.text(name))'"
        case let .symrefLoop(name):
            return "cannot resolve symbolic ref '\(Self.text(name))': loop or too deep"
        case let .configSyntax(origin, line):
            return "bad config line \(line) in file \(origin)"
        case let .invalidConfigKey(key):
            return "invalid key: \(key)"
        case let .invalidConfigValue(key, value, kind, origin):
            return "bad \(kind) config value '\(value)' for '\(key)' in file \(origin)"
        case let .corruptPack(path, offset, detail):
            if let offset { return "packfile \(path) at offset \(offset): \(detail)" }
            return "packfile \(path): \(detail)"
        case let .corruptPackIndex(path, detail):
            return "index file \(path): \(detail)"
        case let .corruptDelta(detail):
            return "corrupt delta: \(detail)"
        }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func errnoText(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return String(cString: message)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
