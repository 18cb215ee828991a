import Foundation
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The OpenAPI document describes every route under /api/v1, and nothing that is not one.
    @Suite struct OpenAPIDocumentTests {
        @Test func everyAPIRouteIsDescribed() async throws {
            try await withGrappe { app in
                let page = try await TestClient(app).get("/api/v1/openapi.json")
                #expect(page.status == .ok)
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                let described = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
                let registered = Set(app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map { c -> String in if case .parameter(let name) = c { return "{\(name)}" } else { return c.description } }
                    let path = "/" + parts.joined(separator: "/")
                    return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
                })
                #expect(registered.subtracting(described).isEmpty, "not described: \(registered.subtracting(described).sorted())")
                #expect(described.subtracting(registered).isEmpty, "described but not routes: \(described.subtracting(registered).sorted())")
            }
        }
    }
}
