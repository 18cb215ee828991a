import Vapor

/// What the executable does before running its command.
public enum Entry {
    /// `serve` (the default command) migrates and loads the demo data on first start.
    public static func beforeExecute(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        if command == nil || command == "serve" || command?.hasPrefix("-") == true {
            try await Bootstrap.prepareServe(app)
        }
    }
}
