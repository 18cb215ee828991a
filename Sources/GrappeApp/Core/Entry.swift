import Vapor

/// What the executable does before running its command.
public enum Entry {
    /// `serve` (the default command) migrates and loads the demo data on first start.
    public static func beforeExecute(_ app: Application) async throws {
        if isServe(app) { try await Bootstrap.prepareServe(app) }
    }

    /// True when the command is `serve` (the default), outside tests: background jobs run then only.
    static func isServe(_ app: Application) -> Bool {
        guard app.environment != .testing else { return false }
        let command = app.environment.arguments.dropFirst().first
        return command == nil || command == "serve" || command?.hasPrefix("-") == true
    }
}
