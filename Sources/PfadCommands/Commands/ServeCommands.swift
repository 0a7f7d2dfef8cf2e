import ArgumentParser

extension Pfad {
    /// The smart-HTTP server: serve (transport issue).
    static var serveCommands: [ParsableCommand.Type] {
        [ServeCommand.self]
    }
}
