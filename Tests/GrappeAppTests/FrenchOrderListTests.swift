import Fluent
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Lists in French order on the database in use (SQLite here, PostgreSQL in CI): accented
    /// names sit among their letters, not after « z ».
    @Suite struct FrenchOrderListTests {
        static let names = ["Sylver Conseil", "Bourail Services", "Sébastien Web", "Bélep Numérique"]

        static func positions(_ body: String, _ names: [String]) -> [Int] {
            names.map { name in body.range(of: name).map { body.distance(from: body.startIndex, to: $0.lowerBound) } ?? -1 }
        }

        @Test func memberListReportAndPickersSortInFrench() async throws {
            try await withGrappe { app in
                for name in Self.names { try await Fixtures.member(app, name: name) }
                let expected = ["Bélep Numérique", "Bourail Services", "Sébastien Web", "Sylver Conseil"]
                let client = try await Fixtures.staffClient(app)

                let list = try await client.get(Site.memberListIndex.path() + "?annee=2025")
                #expect(list.status == .ok)
                let at = Self.positions(list.body, expected)
                #expect(!at.contains(-1) && at == at.sorted(), "member list: \(at)")
                let descending = try await client.get(Site.memberListIndex.path() + "?annee=2025&tri=name&ordre=desc")
                let back = Self.positions(descending.body, expected)
                #expect(!back.contains(-1) && back == back.sorted(by: >), "descending: \(back)")

                let orgID = try await Fixtures.organisationID(app)
                let reported = try await ReportQueries.memberNames(app.db, organisationID: orgID, year: 2025).map(\.name)
                #expect(reported == expected)

                let voters = try await AssemblyQueries.voters(app.db, organisationID: orgID, year: 2025)
                #expect(voters.map(\.name) == voters.map(\.name).sortedInFrench())

                let sql = try await app.db.sql.raw("SELECT name FROM companies ORDER BY \(unsafeRaw: SQLFrenchOrder.order("name"))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                #expect(sql == expected)
            }
        }

        @Test func communeSelectsStartWithBelep() async throws {
            try await withGrappe { app in
                let page = try await TestClient(app).get(Site.joinForm.path())
                let at = Self.positions(page.body, ["<option value=\"Bélep\">", "<option value=\"Bourail\">", "<option value=\"Ouégoa\">", "<option value=\"Ouvéa\">"])
                #expect(!at.contains(-1) && at == at.sorted(), "\(at)")
            }
        }

        /// Lists read in Swift after the query (charities, partners) sort in French too: « Éole »
        /// before « Fare », where byte order puts it after « z ».
        @Test func charitiesSortInFrench() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                for name in ["Fare Ute", "Zénith Solidaire", "Éole Solidarité"] {
                    try await Charity(organisationID: orgID, name: name, commune: "Nouméa", email: "").create(on: app.db)
                }
                let page = try await Fixtures.staffClient(app).get(Site.charityIndex.path())
                #expect(page.status == .ok)
                let at = Self.positions(page.body, ["Éole Solidarité", "Fare Ute", "Zénith Solidaire"])
                #expect(!at.contains(-1) && at == at.sorted(), "charities: \(at)")
            }
        }
    }
}
