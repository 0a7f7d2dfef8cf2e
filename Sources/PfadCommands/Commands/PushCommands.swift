import ArgumentParser

extension Pfad {
    /// Pushing: push, receive-pack (transport issue).
    static var pushCommands: [ParsableCommand.Type] {
        [
            PushCommand.self,
            ReceivePackCommand.self,
        ]
    }
}
