import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

/// Each `TestClient` below is used by one task only; the tasks run at the same time.
extension TestClient: @unchecked Sendable {}

extension AppTests {
    /// Bursts of simultaneous writes, as on the day of a general assembly or a dues call: every
    /// one is served (never « database is locked », never a 500) and every row is there, on
    /// SQLite and on PostgreSQL.
    @Suite struct ConcurrencyTests {
        /// Staff accounts, each with its own session.
        static func staffClients(_ app: Application, count: Int) async throws -> [TestClient] {
            var clients: [TestClient] = []
            for i in 0..<count {
                try await Fixtures.user(app, email: "equipe\(i)@open.nc", role: .staff)
                let client = TestClient(app)
                try await client.login("equipe\(i)@open.nc", Fixtures.password)
                clients.append(client)
            }
            return clients
        }

        @Test func twoHundredSimultaneousWritesOfThreeKindsAllLand() async throws {
            try await withGrappe { app in
                // One office, many people: the public-form limiter is not what this test is about.
                app.publicFormLimiter = RateLimiter(limit: 10_000, window: 600)
                var made: [(company: Company, person: Person, due: Due)] = []
                for i in 0..<8 { made.append(try await Fixtures.memberWithDue(app, name: "Concurrence \(i)")) }
                let companies = made.map(\.company), dues = made.map(\.due)
                let visitors = (0..<16).map { _ in TestClient(app) }
                for visitor in visitors { try await visitor.get("/lettre") }
                let staff = try await Self.staffClients(app, count: 8)

                // 16 visitors × 6 sign-ups, 8 staff × (7 new contacts + 7 payments of 1 000 XPF).
                let statuses = try await withThrowingTaskGroup(of: [String: HTTPStatus].self) { group in
                    for (v, visitor) in visitors.enumerated() {
                        group.addTask {
                            var seen: [String: HTTPStatus] = [:]
                            for k in 0..<6 {
                                let page = try await visitor.post("/lettre", ["email": "abonne-\(v)-\(k)@example.nc", "consent": "1"])
                                seen["lettre \(v)-\(k)"] = page.status
                            }
                            return seen
                        }
                    }
                    for (s, client) in staff.enumerated() {
                        group.addTask {
                            var seen: [String: HTTPStatus] = [:]
                            for k in 0..<7 {
                                let company = companies[(s + k) % companies.count]
                                let contact = try await client.post("/adherents/\(company.id!.uuidString)/contacts", [
                                    "firstName": "Personne", "lastName": "Équipe\(s) N\(k)", "email": "p\(s)-\(k)@example.nc",
                                    "phone": "", "gender": "", "role": "Développeur"])
                                seen["contact \(s)-\(k)"] = contact.status
                                let due = dues[(s * 7 + k) % dues.count]
                                let payment = try await client.post("/cotisations/\(due.id!.uuidString)/paiements", [
                                    "paidOn": "2025-03-01", "amount": "1000", "method": "transfer", "reference": "C\(s)-\(k)"])
                                seen["paiement \(s)-\(k)"] = payment.status
                            }
                            return seen
                        }
                    }
                    var all: [String: HTTPStatus] = [:]
                    for try await part in group { all.merge(part) { a, _ in a } }
                    return all
                }

                let expected: Int = 16 * 6 + 8 * 7 * 2
                #expect(statuses.count == expected)
                let failed = statuses.filter { $0.value != .seeOther }
                #expect(failed.isEmpty, "every write is served: \(failed.sorted { $0.key < $1.key }.prefix(10))")

                let subscribers = try await Subscriber.query(on: app.db).filter(\.$email ~~ "abonne-").count()
                #expect(subscribers == 96)
                let confirmations = try await OutboxMessage.query(on: app.db).filter(\.$kind == "newsletter_confirm").count()
                #expect(confirmations == 96, "one confirmation email per sign-up")
                let contacts = try await Person.query(on: app.db).filter(\.$email ~~ "@example.nc").filter(\.$email !~ "titulaire").count()
                #expect(contacts == 56)
                for company in companies {
                    let links = try await CompanyContact.query(on: app.db).filter(\.$company.$id == company.requireID()).count()
                    #expect(links == 1 + 7, "the holder and seven new contacts for \(company.name)")
                }
                let payments = try await Payment.query(on: app.db).all()
                #expect(payments.count == 56)
                #expect(payments.reduce(0) { $0 + $1.amount } == 56_000)
                for due in dues {
                    let paid = try await Payment.query(on: app.db).filter(\.$due.$id == due.requireID()).count()
                    #expect(paid == 7, "seven payments on \(due.number)")
                }
            }
        }

        /// Two staff members record payments on one due at the same moment: together they never
        /// pay it more than once over.
        @Test func simultaneousPaymentsNeverOverpayADue() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Paiements simultanés")
                let dueID = try m.due.requireID()
                let staff = try await Self.staffClients(app, count: 4)
                // 16 payments of 5 000 XPF on a 60 000 XPF due: twelve fit.
                let statuses = try await withThrowingTaskGroup(of: [HTTPStatus].self) { group in
                    for client in staff {
                        group.addTask {
                            var seen: [HTTPStatus] = []
                            for k in 0..<4 {
                                let page = try await client.post("/cotisations/\(dueID.uuidString)/paiements", [
                                    "paidOn": "2025-03-01", "amount": "5000", "method": "transfer", "reference": "R\(k)"])
                                seen.append(page.status)
                            }
                            return seen
                        }
                    }
                    var all: [HTTPStatus] = []
                    for try await part in group { all += part }
                    return all
                }
                #expect(m.due.amount == 60_000)
                #expect(statuses.filter { $0 == .seeOther }.count == 12)
                #expect(statuses.filter { $0 == .badRequest }.count == 4, "the others are refused with the reason: \(statuses)")
                let paid = try await Payment.query(on: app.db).filter(\.$due.$id == dueID).all().reduce(0) { $0 + $1.amount }
                #expect(paid == 60_000)
            }
        }

        /// The same address signed up from several tabs at once: one subscriber, one email.
        @Test func simultaneousSignUpsOfOneAddressMakeOneSubscriber() async throws {
            try await withGrappe { app in
                app.publicFormLimiter = RateLimiter(limit: 10_000, window: 600)
                let visitors = (0..<12).map { _ in TestClient(app) }
                for visitor in visitors { try await visitor.get("/lettre") }
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for visitor in visitors {
                        group.addTask { try await visitor.post("/lettre", ["email": "meme.adresse@example.nc", "consent": "1"]).status }
                    }
                    var all: [HTTPStatus] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                #expect(statuses == Array(repeating: .seeOther, count: 12))
                #expect(try await Subscriber.query(on: app.db).filter(\.$email == "meme.adresse@example.nc").count() == 1)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "meme.adresse@example.nc").count() == 1)
            }
        }
    }
}
