import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct APITests {
        struct MemberPage: Decodable { let items: [Item]; let total: Int; let page: Int; let perPage: Int
            struct Item: Decodable { let id: UUID; let name: String; let category: String?; let due: Due?
                struct Due: Decodable { let number: String; let balance: Int } } }
        struct DuePage: Decodable { let items: [DueItem]; let total: Int }
        struct DueItem: Decodable { let id: UUID; let number: String; let companyName: String; let balance: Int; let paidInFull: Bool }
        struct Detail: Decodable { let name: String; let memberships: [M]; let dues: [DueItem]; struct M: Decodable { let year: Int; let category: String } }

        func decode<T: Decodable>(_ type: T.Type, _ page: TestClient.Page) throws -> T {
            try JSONDecoder().decode(T.self, from: Data(page.body.utf8))
        }

        @Test func tokensAuthenticateAndRevocationWorks() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let created = try await client.post("/compte/jetons", ["name": "Tableur trésorier"])
                #expect(created.status == .ok)
                let token = try #require(created.body.range(of: #"grp_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(created.body[$0]) })
                let api = TestClient(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let members = try decode(MemberPage.self, try await api.get("/api/v1/members?year=2025&status=active&per_page=10&page=2", headers: auth))
                #expect(members.total == 100)
                #expect(members.items.count == 10)
                #expect(members.page == 2)
                let search = try decode(MemberPage.self, try await api.get("/api/v1/members?search=skazy", headers: auth))
                #expect(search.items.map(\.name) == ["SKAZY"])
                #expect(search.items.first?.due?.balance == 90_000)
                let skazyID = try #require(search.items.first?.id)
                let detail = try decode(Detail.self, try await api.get("/api/v1/members/\(skazyID.uuidString)", headers: auth))
                #expect(detail.memberships.map(\.year) == [2025, 2024])
                let unpaid = try decode(DuePage.self, try await api.get("/api/v1/dues?year=2025&state=unpaid&per_page=200", headers: auth))
                #expect(unpaid.items.allSatisfy { !$0.paidInFull })
                #expect(unpaid.items.contains { $0.companyName == "SKAZY" })
                let one = try await api.get("/api/v1/dues/\(unpaid.items[0].id.uuidString)", headers: auth)
                #expect(try decode(DueItem.self, one).number == unpaid.items[0].number)
                // Revoked: refused.
                let stored = try #require(try await APIToken.query(on: app.db).first())
                try await client.get("/compte/jetons")
                #expect(try await client.post("/compte/jetons/\(stored.id!.uuidString)/revoquer").status == .seeOther)
                let refused = try await api.get("/api/v1/members", headers: auth)
                #expect(refused.status == .unauthorized)
                #expect(refused.body.contains("révoqué"))
            }
        }

        @Test func refusesMissingOrBadTokensAndCookies() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                #expect(try await client.get("/api/v1/members").status == .unauthorized)
                #expect(try await client.get("/api/v1/dues", headers: ["Authorization": "Bearer grp_faux"]).status == .unauthorized)
                try await client.login(DemoData.managerEmail)
                #expect(try await client.get("/api/v1/members").status == .unauthorized, "a session cookie is not an API credential")
                let name = try await client.post("/compte/jetons", ["name": ""])
                #expect(name.status == .badRequest)
                #expect(name.body.contains("Donnez un nom au jeton."))
            }
        }

        @Test func memberTokenSeesOnlyItsCompany() async throws {
            try await withGrappe(demo: true) { app in
                let member = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.memberEmail).first())
                let token = try await APITokenIssuer.issue(for: member, name: "test", on: app.db)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let api = TestClient(app)
                let page = try decode(MemberPage.self, try await api.get("/api/v1/members", headers: auth))
                #expect(page.items.map(\.name) == ["SKAZY"])
                let dues = try decode(DuePage.self, try await api.get("/api/v1/dues", headers: auth))
                #expect(Set(dues.items.map(\.companyName)) == ["SKAZY"])
                let other = try #require(try await Company.query(on: app.db).filter(\.$name == "APID").first())
                #expect(try await api.get("/api/v1/members/\(other.id!.uuidString)", headers: auth).status == .forbidden)
                let otherDue = try await Fixtures.due(app, company: other)
                let refused = try await api.get("/api/v1/dues/\(otherDue.id!.uuidString)", headers: auth)
                #expect(refused.status == .forbidden)
                #expect(!refused.body.contains("APID"))
                #expect(try await api.get("/api/v1/dues/\(UUID().uuidString)", headers: auth).status == .notFound)
            }
        }
    }
}
