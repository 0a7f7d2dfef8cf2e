import Hummingbird
import NIOCore

/// The request context of `pfad serve`: Hummingbird's basic context plus
/// the client's address (for login throttling and logs).
struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected client's address, if the channel knows it.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
