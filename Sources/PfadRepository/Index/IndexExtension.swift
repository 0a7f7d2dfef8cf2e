/// One extension block of the index, kept as raw bytes.
///
/// pfad does not interpret extensions; it keeps optional ones (signature
/// starting with `A`–`Z`) so that an unchanged index round-trips, and drops
/// them as soon as the entries change (see `IndexFile.entries`).
public struct IndexExtension: Sendable, Hashable {
    /// The four signature bytes, for example `TREE` or `REUC`.
    public var signature: [UInt8]
    /// The extension data (without signature and size).
    public var data: [UInt8]

    /// An extension from its signature and data.
    public init(signature: [UInt8], data: [UInt8]) {
        self.signature = signature
        self.data = data
    }

    /// The signature as text, for messages.
    public var name: String { String(decoding: signature, as: UTF8.self) }

    /// True if git may ignore the extension (first signature byte `A`–`Z`).
    public var isOptional: Bool {
        guard let first = signature.first else { return false }
        return first >= 0x41 && first <= 0x5A
    }

    /// True for extensions whose content describes byte offsets in the file
    /// (`EOIE`, `IEOT`); they are never written back because pfad's layout may differ.
    var describesFileLayout: Bool {
        signature == Array("EOIE".utf8) || signature == Array("IEOT".utf8)
    }

    /// True for the resolve-undo extension (`REUC`), which stays valid when other entries change.
    var isResolveUndo: Bool { signature == Array("REUC".utf8) }
}
