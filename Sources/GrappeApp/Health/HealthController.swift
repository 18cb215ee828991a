import Fluent
import SQLKit
import Vapor

/// `/healthz`: 200 when the database answers, 503 otherwise. For operators and load balancers.
enum HealthController {
    struct Status: Content {
        let status: String
        let database: String
    }

    static func check(_ req: Request) async throws -> Response {
        let response = Response(status: .ok)
        do {
            _ = try await req.db.sql.raw("SELECT 1 AS ok").first()
            try response.content.encode(Status(status: "ok", database: "ok"))
        } catch {
            response.status = .serviceUnavailable
            try response.content.encode(Status(status: "error", database: "unreachable"))
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
