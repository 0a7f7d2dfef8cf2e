/// The mode of a tree entry, kept as its raw octal value.
///
/// Git only writes five modes (see `gitformat-index` and the tree format in
/// `Spec/objects.md`); other values can still appear in old or hostile trees
/// and are preserved so they round-trip.
public struct FileMode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The mode as a number, e.g. `0o100644`.
    public var rawValue: UInt32

    /// A mode from its numeric value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// A regular, non-executable file (`100644`).
    public static let regular = FileMode(rawValue: 0o100644)
    /// An executable file (`100755`).
    public static let executable = FileMode(rawValue: 0o100755)
    /// A symbolic link whose blob holds the target (`120000`).
    public static let symlink = FileMode(rawValue: 0o120000)
    /// A submodule commit (`160000`).
    public static let gitlink = FileMode(rawValue: 0o160000)
    /// A subtree (`40000` in trees, `040000` when printed).
    public static let directory = FileMode(rawValue: 0o040000)
    /// The group-writable file mode old git versions wrote (`100664`);
    /// accepted by `git fsck` except with `--strict`.
    public static let groupWritable = FileMode(rawValue: 0o100664)

    /// The file-type bits (`S_IFMT`).
    private var typeBits: UInt32 { rawValue & 0o170000 }

    /// True for subtrees.
    public var isDirectory: Bool { typeBits == 0o040000 }
    /// True for submodule entries.
    public var isGitlink: Bool { typeBits == 0o160000 }
    /// True for symbolic links.
    public var isSymlink: Bool { typeBits == 0o120000 }

    /// The type of object an entry with this mode points to:
    /// tree for directories, commit for gitlinks, blob otherwise.
    public var objectType: ObjectType {
        if isDirectory { return .tree }
        if isGitlink { return .commit }
        return .blob
    }

    /// The mode as written in tree objects: octal without leading zeros
    /// (`"100644"`, `"40000"`). O(1).
    public var octalBytes: [UInt8] {
        Array(String(rawValue, radix: 8).utf8)
    }

    /// The six-digit, zero-padded form `git ls-tree` and `git ls-files -s`
    /// print (`"040000"`).
    public var paddedOctal: String {
        let digits = String(rawValue, radix: 8)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Parses octal ASCII digits (leading zeros allowed, as git's tree
    /// reader allows them); nil if empty, not octal or too large.
    public init?(octalBytes bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= 11 else { return nil }
        var value: UInt32 = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x37 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
            guard !overflow else { return nil }
            value = shifted | UInt32(b - 0x30)
        }
        self.rawValue = value
    }

    /// The mode normalised the way git does when it reads a tree into the
    /// index: any file mode becomes `100644` or `100755`.
    public var canonical: FileMode {
        switch typeBits {
        case 0o040000: return .directory
        case 0o120000: return .symlink
        case 0o160000: return .gitlink
        default: return rawValue & 0o100 != 0 ? .executable : .regular
        }
    }

    /// The octal digits, e.g. `100644`.
    public var description: String { String(rawValue, radix: 8) }
}
