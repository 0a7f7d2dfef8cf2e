import Foundation

/// A conversation with a service program over pipes: what git does for
/// local paths and `file://` URLs (`Documentation/gitprotocol-pack.txt`,
/// "Transports"). The program gets `GIT_PROTOCOL=version=N` in its
/// environment and the repository path as its last argument.
public final class ProcessConnection: ServiceConnection {
    public let service: GitService
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let reader: PktLineReader
    private let sink: FileDescriptorSink
    private var closed = false

    /// Starts `command` (for example `["/usr/bin/pfad", "upload-pack"]`, or
    /// `["/bin/sh", "-c", "git upload-pack \"$@\"", "sh"]`) with `path`
    /// appended as its last argument. The program's standard error is the
    /// caller's, so its messages reach the user as git's do.
    /// - Throws: `TransportError.io` if the program cannot be started.
    public init(service: GitService, command: [String], path: String, version: ProtocolVersion,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let executable = command.first else { throw TransportError.protocolViolation("empty \(service.subcommand) command") }
        self.service = service
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + [path]
        var environment = environment
        if version != .v0 { environment["GIT_PROTOCOL"] = "version=\(version.rawValue)" } else { environment["GIT_PROTOCOL"] = nil }
        process.environment = environment
        let toChild = Pipe()
        let fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        do {
            try process.run()
        } catch {
            throw TransportError.io(operation: "starting \(executable)", errno: ENOENT)
        }
        self.process = process
        self.input = toChild.fileHandleForWriting
        self.output = fromChild.fileHandleForReading
        self.reader = PktLineReader(FileDescriptorSource(fd: fromChild.fileHandleForReading.fileDescriptor))
        self.sink = FileDescriptorSink(fd: toChild.fileHandleForWriting.fileDescriptor)
    }

    public func advertisement() throws -> PktLineReader {
        reader
    }

    /// Writes `body` to the program and returns the same reader, now at the
    /// response (a pipe keeps one stream for the whole conversation).
    public func request(_ body: [UInt8]) throws -> PktLineReader {
        try sink.write(body)
        try sink.flush()
        return reader
    }

    public func close() throws {
        guard !closed else { return }
        closed = true
        try? input.close()
        // Drain what the program still says so it never blocks on a full pipe.
        _ = try? reader.readAll(limit: 64 << 20)
        process.waitUntilExit()
        try? output.close()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw TransportError.remote("\(service.subcommand) exited with status \(process.terminationStatus)")
        }
    }

    deinit {
        if !closed {
            try? input.close()
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }
}
