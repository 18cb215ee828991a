import Fluent
import GrappeDomain
import Vapor

/// OPEN NC as its 2025 annual report describes it: the fee grid, 100 active members (85 % core,
/// 15 % partners, 10 women holders, the founding companies) and three companies with other
/// statuses (lapsed, resigned, candidate), the board people, 2024 and 2025
/// memberships and dues, most paid. Loaded once into a database without members.
enum DemoData {
    static let managerEmail = "m.loche@open.nc"
    static let boardEmail = "sylver.schorgen@sf2i.example"
    static let memberEmail = "hatem.bellagi@skazy.example"
    static let password = "demo-grappe-2025"

    /// Board and bureau roles from the report (groups and mandates come with the governance module).
    static let boardRoles: [String: String] = [
        "SCHORGEN": "Président", "CHIAPELLO": "Vice-présidente", "TANGUY": "Vice-président", "HASSOUNI": "Vice-président",
        "KRAFT": "Trésorier", "RICHARD": "Trésorier adjoint", "MAILLOT": "Secrétaire général",
        "RIVATON": "Administrateur", "DEREK": "Administrateur", "AVRON": "Administrateur", "BELLAGI": "Administrateur",
    ]


    @discardableResult
    static func load(_ app: Application) async throws -> Bool {
        guard try await Company.query(on: app.db).count() == 0 else { return false }
        let org = try await app.currentOrganisation(on: app.db)
        let orgID = try org.requireID()
        let hash = try await app.password.async.hash(password)
        try await app.db.transaction { db in
            // The report's grid for 2024 and 2025, kept unchanged up to this year so that the join form quotes a fee.
            for year in [2024] + Array(2025...max(2025, FrenchDate.year(of: app.now))) {
                try await FeeScheduleService.saveGrid(.open2025, year: year, rule: year >= 2025 ? .quarters : .none, paymentDays: 30,
                                                         organisationID: orgID, user: nil, on: db)
            }
            var skazyHolder: UUID?
            var presidentID: UUID?
            for (index, entry) in DemoCompanies.all().enumerated() {
                let companyID = try await createCompany(entry, index: index, organisationID: orgID, on: db)
                let role = boardRoles[entry.holder.last].map { "Dirigeant · \($0) d'OPEN NC" } ?? "Dirigeant"
                let domain = TextFolding.slug(entry.name).replacingOccurrences(of: "-fictif", with: "") + ".example"
                let email = "\(TextFolding.slug(entry.holder.first)).\(TextFolding.slug(entry.holder.last).replacingOccurrences(of: "-fictif", with: ""))@\(domain)"
                let person = try await MemberService.attachContact(
                    PersonDraft(firstName: entry.holder.first, lastName: entry.holder.last, email: email, phone: "",
                                gender: entry.holder.female ? Gender.female.rawValue : Gender.male.rawValue, role: role),
                    companyID: companyID, organisationID: orgID, on: db)
                if entry.name == "SKAZY" { skazyHolder = person.id }
                if entry.holder.last == "SCHORGEN" { presidentID = person.id }
                let category: MembershipCategory = entry.partner ? .partner : .core
                if entry.member2024 {
                    try await MemberService.setMembership(companyID: companyID, year: 2024, category: category, status: .active,
                                                          startDate: FrenchDate.make(2024, 1, 1), holderID: person.id,
                                                          organisationID: orgID, user: nil, on: db)
                }
                try await MemberService.setMembership(companyID: companyID, year: 2025, category: category, status: entry.status2025,
                                                      startDate: FrenchDate.make(2025, entry.joinMonth2025 ?? 1, entry.joinMonth2025 == nil ? 1 : 3),
                                                      holderID: person.id, organisationID: orgID, user: nil, on: db)
                if entry.status2025 == .resigned {
                    try await Membership.query(on: db).filter(\.$company.$id == companyID).filter(\.$year == 2025)
                        .set(\.$endDate, to: FrenchDate.make(2025, 6, 30)).update()
                }
            }
            try await createUsers(organisationID: orgID, hash: hash, presidentID: presidentID, skazyHolder: skazyHolder, on: db)
            try await issueAndPay(year: 2024, organisationID: orgID, on: db)
            try await issueAndPay(year: 2025, organisationID: orgID, on: db)
            try await DemoGovernance.load(organisationID: orgID, on: db)
            try await DemoEvents.load(organisationID: orgID, on: db)
            try await DemoPublic.load(organisationID: orgID, now: app.now, on: db)
            try await DemoProgrammes.load(organisationID: orgID, on: db)
            try await DemoDiagnostics.load(organisationID: orgID, now: app.now, on: db)
            try await DemoCollecte.load(organisationID: orgID, passwordHash: hash, now: app.now, on: db)
            try await DemoHackagou.load(organisationID: orgID, passwordHash: hash, now: app.now, on: db)
            try await DemoReport.load(organisationID: orgID, on: db)
        }
        return true
    }

    static func createCompany(_ entry: DemoCompanies.Entry, index: Int, organisationID: UUID, on db: any Database) async throws -> UUID {
        var draft = CompanyDraft()
        draft.name = entry.name
        draft.legalName = entry.fictitious ? "\(entry.name.replacingOccurrences(of: " (fictif)", with: "")) SARL (fictif)" : ""
        draft.ridet = entry.fictitious ? String(format: "999%04d.001", index) : ""
        draft.address = entry.fictitious ? "\(10 + index) rue de l'Exemple" : ""
        draft.commune = entry.commune
        draft.website = entry.fictitious ? "" : "https://www.\(TextFolding.slug(entry.name)).example"
        draft.email = "contact@\(TextFolding.slug(entry.name).replacingOccurrences(of: "-fictif", with: "")).example"
        draft.phone = String(format: "%02d.%02d.%02d", 20 + index % 70, (index * 7) % 100, (index * 13) % 100)
        draft.description = entry.fictitious
            ? "Entreprise fictive créée pour la démonstration de Grappe."
            : "Adhérent d'OPEN NC cité dans le rapport annuel 2025. Coordonnées de démonstration."
        draft.headcount = String(entry.headcount)
        draft.domains = entry.domains
        draft.founding = entry.founding
        draft.publicProfile = index % 5 != 0
        let errors = draft.validate(knownDomains: OrganisationDefaults.domains)
        precondition(errors.isEmpty, "demo company \(entry.name) invalid: \(errors)")
        return try await MemberService.save(draft, company: nil, organisationID: organisationID, user: nil, on: db).companyID
    }

    static func createUsers(organisationID: UUID, hash: String, presidentID: UUID?, skazyHolder: UUID?, on db: any Database) async throws {
        let manager = Person(organisationID: organisationID, draft: PersonDraft(firstName: "Margaux", lastName: "LOCHE", email: managerEmail, phone: "73.11.60", gender: "female"))
        try await manager.create(on: db)
        try await User(organisationID: organisationID, email: managerEmail, passwordHash: hash, role: .staff, displayName: "Margaux LOCHE", personID: manager.id).create(on: db)
        try await User(organisationID: organisationID, email: boardEmail, passwordHash: hash, role: .board, displayName: "Sylver SCHORGEN", personID: presidentID).create(on: db)
        if let skazyHolder, let person = try await Person.find(skazyHolder, on: db) {
            person.email = memberEmail
            try await person.save(on: db)
            try await User(organisationID: organisationID, email: memberEmail, passwordHash: hash, role: .member, displayName: "Hatem BELLAGI", personID: skazyHolder).create(on: db)
        }
    }

    /// Issues the year's dues and records payments: all of 2024; in 2025 most paid, a few in
    /// part, some not at all (SKAZY among them, for the demonstration).
    static func issueAndPay(year: Int, organisationID: UUID, on db: any Database) async throws {
        let numbers = try await DuesService.issueCall(year: year, issuedOn: FrenchDate.make(year, 2, 3), organisationID: organisationID, user: nil, on: db)
        guard !numbers.isEmpty else { return }
        let dues = try await Due.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year)
            .with(\.$company).sort(\.$sequence).all()
        let methods = PaymentMethod.allCases
        for (index, due) in dues.enumerated() {
            let unpaid = year == 2025 && (due.company.name == "SKAZY" || index % 11 == 4)
            if unpaid { continue }
            let partial = year == 2025 && index % 13 == 7
            let amount = partial ? due.amount / 2 : due.amount
            let paidOn = FrenchDate.make(year, 2 + index % 5, 5 + index % 20)
            try await DuesService.recordPayment(dueID: try due.requireID(), amount: amount, paidOn: paidOn, method: methods[index % methods.count],
                                                reference: "DEMO-\(due.number)", organisationID: organisationID, user: nil, on: db)
        }
    }
}
