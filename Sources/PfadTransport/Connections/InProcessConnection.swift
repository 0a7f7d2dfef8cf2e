import Foundation

/// A conversation with a service (`upload-pack`, `receive-pack`) that runs
/// on a thread of this process instead of in a child process: the library's
/// way to fetch from, push to and clone a repository on the same machine
/// (no `pfad` executable needed, nothing printed). The two directions are
/// `MemoryPipe`s, so the conversation has the same shape as over OS pipes.
public final class InProcessConnection: ServiceConnection {
    public let service: GitService
    private let toService = MemoryPipe()
    private let fromService = MemoryPipe()
    private let reader: PktLineReader
    private let sink: MemoryPipeSink
    private let run: ServiceRun
    private var closed = false

    /// Starts `handler` (already opened on the served repository) on a new
    /// thread; the conversation begins with its advertisement.
    public init(service: GitService, handler: any ServiceHandler) {
        self.service = service
        reader = PktLineReader(MemoryPipeSource(fromService))
        sink = MemoryPipeSink(toService)
        run = ServiceRun(handler: handler, input: toService, output: fromService)
        let run = self.run
        let thread = Thread { run.execute() }
        thread.name = "pfad-\(service.subcommand)"
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func advertisement() throws -> PktLineReader {
        reader
    }

    /// Writes `body` to the service and returns the same reader, now at the
    /// response (one stream for the whole conversation, as with a pipe).
    public func request(_ body: [UInt8]) throws -> PktLineReader {
        try sink.write(body)
        return reader
    }

    /// Ends the conversation: tells the service that no more requests come,
    /// drains what it still sends, waits for it and reports its failure as
    /// `TransportError.remote`.
    public func close() throws {
        guard !closed else { return }
        closed = true
        toService.closeWriting()
        _ = try? reader.readAll(limit: 64 << 20)
        fromService.closeReading()
        if let failure = run.waitForEnd() {
            throw TransportError.remote("\(service.subcommand): \(failure)")
        }
    }

    deinit {
        if !closed {
            toService.closeWriting()
            fromService.closeReading()
            _ = run.waitForEnd()
        }
    }
}

/// The service side of an `InProcessConnection`: the handler, its two
/// pipes and how it ended. Handed to the service thread once; the pipes do
/// their own locking and the outcome is published through a semaphore.
private final class ServiceRun: @unchecked Sendable {
    private let handler: any ServiceHandler
    private let input: MemoryPipe
    private let output: MemoryPipe
    private let finished = DispatchSemaphore(value: 0)
    private var failure: Error?
    private var ended = false

    init(handler: any ServiceHandler, input: MemoryPipe, output: MemoryPipe) {
        self.handler = handler
        self.input = input
        self.output = output
    }

    /// Runs the whole conversation, then closes the service's ends.
    func execute() {
        let sink = MemoryPipeSink(output)
        do {
            try handler.serve(input: MemoryPipeSource(input), output: sink)
            try sink.flush()
        } catch {
            failure = error
        }
        output.closeWriting()
        input.closeReading()
        finished.signal()
    }

    /// Waits for `execute` to return (once) and gives its error, if any.
    func waitForEnd() -> Error? {
        if !ended {
            finished.wait()
            ended = true
        }
        return failure
    }
}
