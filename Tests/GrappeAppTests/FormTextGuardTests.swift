import Fluent
import Foundation
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Every form refuses, before its handler, a text field holding NUL, another control
    /// character or a bidi override: a French message, nothing written.
    @Suite struct FormTextGuardTests {
        @Test func aNulInAnEmailIsRefusedAndNothingIsStored() async throws {
            try await withGrappe { app in
                let before = try await Subscriber.query(on: app.db).count()
                let visitor = TestClient(app)
                try await visitor.get("/lettre")
                let page = try await visitor.post("/lettre", ["email": "a\u{0}b@example.nc", "consent": "1"])
                #expect(page.status == .badRequest)
                #expect(page.body.contains("caractère invisible interdit (U+0000)"))
                // (PostgreSQL itself refuses NUL in a text value: the guard spares it a 500.)
                #expect(try await Subscriber.query(on: app.db).count() == before)
                #expect(try await visitor.post("/lettre", ["email": "a\u{202E}b@example.nc", "consent": "1"]).body.contains("U+202E"))
            }
        }

        @Test func staffFormsToo() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let before = try await CompetenceDomain.query(on: app.db).count()
                let refused = try await staff.post("/domaines", ["name": "Réseaux\u{1B}[31m"])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("U+001B"))
                #expect(try await CompetenceDomain.query(on: app.db).count() == before)
                // Line breaks and tabs are text.
                #expect(try await staff.post("/domaines", ["name": "Réseaux\tet télécoms"]).status != .badRequest)
            }
        }

        @Test func theTextPartsOfAMultipartFormAreReadButNotItsFiles() async throws {
            try await withGrappe { app in
                typealias Pool = CandidatePoolTests.Pool
                let refused = try await Pool.submit(TestClient(app), Pool.fields(["lastName": "Wé\u{7}néhoua"]))
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("U+0007"))
                #expect(try await Candidate.query(on: app.db).count() == 0)
                #expect(Pool.files(app).isEmpty, "no CV file kept")
                // A PDF's bytes hold control characters of their own: the file part is not read.
                _ = try await Pool.candidate(app)
            }
        }
    }
}
