import Vapor

/// What the executable does before running its command.
public enum Entry {
    /// `serve` (the default command) migrates and loads the demo data on first start.
    public static func beforeExecute(_ app: Application) async throws {
        guard isServe(app) else { return }
        applyServeAddress(app, arguments: app.environment.arguments)
        try await Bootstrap.prepareServe(app)
    }

    /// `serve --hostname H --port N`, read before the server starts (it reads them again), so
    /// that the start-up message and every absolute link use that address (`Application.baseURL`).
    static func applyServeAddress(_ app: Application, arguments: [String]) {
        func value(_ names: Set<String>) -> String? {
            guard let i = arguments.firstIndex(where: names.contains), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        if let port = value(["--port", "-p"]).flatMap(Int.init) { app.http.server.configuration.port = port }
        if let host = value(["--hostname", "-H"]) { app.http.server.configuration.hostname = host }
    }

    /// True when the command is `serve` (the default), outside tests: background jobs run then only.
    static func isServe(_ app: Application) -> Bool {
        guard app.environment != .testing else { return false }
        let command = app.environment.arguments.dropFirst().first
        return command == nil || command == "serve" || command?.hasPrefix("-") == true
    }
}
