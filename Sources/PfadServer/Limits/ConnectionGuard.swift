import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Guards one HTTP/1 connection (one instance per connection, between
/// Hummingbird's HTTP decoder and its request handling):
/// - the request head must arrive within `headerTimeout` of the connection
///   opening or of the previous response ending (a client sending one byte
///   per second is cut off);
/// - while a request body is read, `idleTimeout` may pass between parts;
/// - a response with status 400 or 413, or with `Connection: close`, ends
///   the connection once it is written (the rest of a refused body is not
///   read);
/// - an address holding `ConnectionCounter.limit` connections already is
///   closed at once.
/// While the server works on a response no timer runs.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private let counter: ConnectionCounter
    private var timer: Scheduled<Void>?
    private var admittedAddress: String?
    private var started = false
    private var closeAfterResponse = false

    /// A guard with the given timeouts, counting connections in `counter`.
    init(headerTimeout: TimeAmount, idleTimeout: TimeAmount, counter: ConnectionCounter) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head, .body:
            arm(context, after: idleTimeout)
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            let status = response.status.code
            if status == 400 || status == 413 || response.headerFields[.connection]?.lowercased() == "close" {
                closeAfterResponse = true
            }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            if closeAfterResponse {
                let channel = context.channel
                let written = promise ?? context.eventLoop.makePromise(of: Void.self)
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
                context.writeAndFlush(data, promise: written)
            } else {
                context.write(data, promise: promise)
                arm(context, after: headerTimeout)
            }
        }
    }

    /// Counts the connection and starts the wait for the first head.
    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        if let address = context.channel.remoteAddress?.ipAddress {
            guard counter.admit(address) else {
                context.close(promise: nil)
                return
            }
            admittedAddress = address
        }
        arm(context, after: headerTimeout)
    }

    /// Closes the connection unless something rearms or disarms first.
    private func arm(_ context: ChannelHandlerContext, after delay: TimeAmount) {
        timer?.cancel()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: delay) { channel.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }

    private func finish() {
        disarm()
        if let address = admittedAddress {
            counter.release(address)
            admittedAddress = nil
        }
    }
}
