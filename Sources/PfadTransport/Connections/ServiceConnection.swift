/// The client side of a conversation with one remote service, as rounds of
/// request and response: pipes to a local `upload-pack` and smart HTTP both
/// fit this shape (`Documentation/gitprotocol-http.txt`, "Smart Service").
public protocol ServiceConnection: AnyObject {
    /// The service talked to.
    var service: GitService { get }

    /// A reader at the server's first message: the v2 capability
    /// advertisement or the v0 ref advertisement (HTTP's `# service=`
    /// preamble already consumed). Call once, first.
    func advertisement() throws -> PktLineReader

    /// Sends one request (pkt-lines, for a push followed by pack data) and
    /// returns a reader of the response.
    func request(_ body: [UInt8]) throws -> PktLineReader

    /// Ends the conversation; for a process, waits for it and reports a
    /// failed exit as `TransportError.remote`.
    func close() throws
}
