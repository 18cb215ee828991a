import Fluent
import GrappeDomain
import Vapor

/// The renewal campaign of `year`: in one transaction, each active member of the year before
/// that staff kept gets its membership of `year` (category and headcount as chosen), then the
/// year's call issues the priced dues and queues the call to each holder. Running it again
/// creates nothing twice: a company already renewed is skipped, a due already issued too.
enum RenewalService {
    struct Choice: Equatable {
        var renew: Bool
        var category: MembershipCategory
        var headcount: Int
    }

    struct Outcome {
        let renewed: Int
        let numbers: [DueNumber]
        let mailed: Int
    }

    static func run(year: Int, choices: [UUID: Choice], issuedOn: Date, organisationID: UUID, user: User?,
                    app: Application, on db: any Database) async throws -> Outcome {
        let org = try await app.currentOrganisation(on: db)
        return try await db.transaction { db in
            try await TransactionLock.acquire("renewal:\(organisationID):\(year)", on: db)
            guard let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first() else {
                throw DuesService.Failure(description: "Aucun barème pour \(year) : créez-le avant de lancer le renouvellement.")
            }
            let grid = try await DuesService.grid(schedule, on: db)
            let previous = try await Membership.query(on: db)
                .join(Company.self, on: \Membership.$company.$id == \Company.$id)
                .filter(Company.self, \.$organisation.$id == organisationID)
                .filter(\.$year == year - 1).filter(\.$status == .active).all()
            let already = Set(try await Membership.query(on: db)
                .join(Company.self, on: \Membership.$company.$id == \Company.$id)
                .filter(Company.self, \.$organisation.$id == organisationID)
                .filter(\.$year == year).all(\.$company.$id))
            var renewed = 0
            for m in previous where !already.contains(m.$company.id) {
                guard let choice = choices[m.$company.id], choice.renew else { continue }
                let company = try m.joined(Company.self)
                guard grid.bracket(for: choice.category, headcount: choice.headcount) != nil else {
                    throw DuesService.Failure(description: "Aucune tranche du barème \(year) ne couvre \(company.name) (\(French.count(choice.headcount, "salarié", "salariés"))).")
                }
                if company.headcount != choice.headcount {
                    let before = company.headcount
                    try await Company.query(on: db).filter(\.$id == company.requireID()).set(\.$headcount, to: choice.headcount).update()
                    company.headcount = choice.headcount
                    try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "company", entityID: try company.requireID(),
                                           action: "update", changes: ["effectif": (String(before), String(choice.headcount))], reason: "Renouvellement \(year)")
                }
                _ = try await MemberService.setMembership(companyID: try company.requireID(), year: year, category: choice.category, status: .active,
                                                          startDate: FrenchDate.make(year, 1, 1), holderID: m.$holder.id,
                                                          organisationID: organisationID, user: user, on: db, action: "renew")
                renewed += 1
            }
            let issued = try await DuesService.issuePending(year: year, issuedOn: issuedOn, organisationID: organisationID, user: user, on: db)
            let mailed = try await queueCalls(issued.map(\.due), organisation: org, organisationID: organisationID, baseURL: app.baseURL, on: db)
            return Outcome(renewed: renewed, numbers: issued.map(\.number), mailed: mailed)
        }
    }

    /// One call email per due, to its membership's holder, else to the company's address.
    static func queueCalls(_ dues: [Due], organisation: OrganisationProfile, organisationID: UUID, baseURL: String, on db: any Database) async throws -> Int {
        guard !dues.isEmpty else { return 0 }
        let ids = try dues.map { try $0.requireID() }
        let loaded = try await Due.query(on: db).filter(\.$id ~~ ids).with(\.$company).with(\.$membership) { $0.with(\.$holder) }.sort(\.$sequence).all()
        let bank = try await PaymentSettings.of(organisationID, on: db).details
        var sent = 0
        for due in loaded {
            let holder = due.membership.holder
            let address = holder.flatMap { FieldCheck.isEmail($0.email) ? $0.email : nil } ?? (FieldCheck.isEmail(due.company.email) ? due.company.email : nil)
            guard let address else { continue }
            let text = RenewalMails.call(holder: holder?.fullName, company: due.company.name, year: due.year, number: due.number, amount: due.amount,
                                         dueOn: due.dueOn, link: baseURL + Site.duePrintCall.path(try due.requireID()),
                                         payment: BankDetailsView.mailText(bank, reference: due.paymentReference(organisation)), organisation: organisation)
            try await Mailer.queue(text, to: address, organisationID: organisationID, on: db)
            sent += 1
        }
        return sent
    }
}
