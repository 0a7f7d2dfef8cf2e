import PfadTransport

/// Where a transfer reports progress: the remote's side-band lines
/// (`remote: Counting objects…`, `\r`-separated as sent) and the local count
/// of received objects. Both are optional; the library never prints.
public struct TransferProgress {
    /// Raw side-band progress bytes from the remote.
    public var remote: ([UInt8]) -> Void
    /// Objects read so far, objects in the pack, bytes read so far.
    public var receiving: ReceiveProgress?

    /// Progress sent to the given closures.
    public init(remote: @escaping ([UInt8]) -> Void = { _ in }, receiving: ReceiveProgress? = nil) {
        self.remote = remote
        self.receiving = receiving
    }

    /// No progress reporting.
    public static var silent: TransferProgress { TransferProgress() }
}
