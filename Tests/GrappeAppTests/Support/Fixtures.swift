import Fluent
import Foundation
import GrappeDomain
import Vapor
@testable import GrappeApp

/// Small factories for tests that do not want the whole demo.
enum Fixtures {
    static let password = "motdepasse-test"

    static func organisationID(_ app: Application) async throws -> UUID {
        try await app.currentOrganisation(on: app.db).requireID()
    }

    @discardableResult
    static func user(_ app: Application, email: String, role: Role, personID: UUID? = nil) async throws -> User {
        let user = User(organisationID: try await organisationID(app), email: email, passwordHash: try Bcrypt.hash(password, cost: 4),
                        role: role, displayName: email, personID: personID)
        try await user.create(on: app.db)
        return user
    }

    /// A client logged in as a staff account (created here).
    static func staffClient(_ app: Application) async throws -> TestClient {
        try await user(app, email: "staff@open.nc", role: .staff)
        let client = TestClient(app)
        try await client.login("staff@open.nc", password)
        return client
    }

    /// A company with an active membership for `year`, a holder contact, and optionally a login for that contact.
    @discardableResult
    static func member(_ app: Application, name: String, headcount: Int = 5, category: MembershipCategory = .core, year: Int = 2025,
                       login: String? = nil, startMonth: Int = 1) async throws -> (company: Company, person: Person) {
        let orgID = try await organisationID(app)
        var draft = CompanyDraft()
        draft.name = name
        draft.headcount = String(headcount)
        draft.commune = "Nouméa"
        draft.email = "contact@\(TextFolding.slug(name)).example"
        _ = draft.validate()
        let outcome = try await MemberService.save(draft, company: nil, organisationID: orgID, user: nil, on: app.db)
        let person = try await MemberService.attachContact(
            PersonDraft(firstName: "Prénom", lastName: name, email: login ?? "titulaire@\(TextFolding.slug(name)).example", role: "Gérant"),
            companyID: outcome.companyID, organisationID: orgID, on: app.db)
        try await MemberService.setMembership(companyID: outcome.companyID, year: year, category: category, status: .active,
                                              startDate: FrenchDate.make(year, startMonth, 1), holderID: person.id,
                                              organisationID: orgID, user: nil, on: app.db)
        if let login { try await user(app, email: login, role: .member, personID: person.id) }
        return (try await Company.find(outcome.companyID, on: app.db)!, person)
    }

    static func schedule(_ app: Application, year: Int = 2025, rule: ProRataRule = .none) async throws {
        try await FeeScheduleService.saveGrid(.open2025, year: year, rule: rule, paymentDays: 30,
                                                 organisationID: try await organisationID(app), user: nil, on: app.db)
    }

    static func issueDues(_ app: Application, year: Int = 2025) async throws -> [DueNumber] {
        try await DuesService.issueCall(year: year, issuedOn: FrenchDate.make(year, 2, 3), organisationID: try await organisationID(app), user: nil, on: app.db)
    }

    /// A member with its issued 2025 due (the 2025 grid is created if missing).
    static func memberWithDue(_ app: Application, name: String, headcount: Int = 5) async throws -> (company: Company, person: Person, due: Due) {
        if try await FeeSchedule.query(on: app.db).filter(\.$year == 2025).count() == 0 { try await schedule(app) }
        let m = try await member(app, name: name, headcount: headcount)
        _ = try await issueDues(app)
        return (m.company, m.person, try await due(app, company: m.company))
    }

    static func due(_ app: Application, company: Company, year: Int = 2025) async throws -> Due {
        try await Due.query(on: app.db).filter(\.$company.$id == company.requireID()).filter(\.$year == year).first()!
    }
}
