import Fluent
import GrappeDomain
import Vapor

/// Applies a parsed CSV file: companies matched on RIDET, else on name; unchanged lines are left
/// alone, so importing the same file twice changes nothing. The whole file is applied in one
/// transaction, or nothing is (dry run).
enum MemberImporter {
    struct Plan: Sendable {
        var parsed: MemberCSV.Parsed
        var toCreate: [Int] = []
        var toUpdate: [Int] = []
        var unchanged: [Int] = []
    }

    /// What the organisation already holds, loaded once for the whole file.
    struct Known {
        var byRidet: [String: Company] = [:]
        var byName: [String: Company] = [:]
        var memberships: [UUID: Membership] = [:]
        var domains: [UUID: [String]] = [:]
        /// Each contact's role, by company and person.
        var roles: [String: String] = [:]

        static func load(organisationID: UUID, year: Int, on db: any Database) async throws -> Known {
            var known = Known()
            let companies = try await Company.query(on: db).filter(\.$organisation.$id == organisationID).all()
            for company in companies {
                if let ridet = company.ridet { known.byRidet[ridet] = company }
                known.byName[TextFolding.fold(company.name)] = known.byName[TextFolding.fold(company.name)] ?? company
            }
            let ids = try companies.map { try $0.requireID() }
            known.domains = try await MemberQueries.domainNames(db, companyIDs: ids)
            let memberships = try await Membership.query(on: db).filter(\.$year == year)
                .join(Company.self, on: \Membership.$company.$id == \Company.$id)
                .filter(Company.self, \.$organisation.$id == organisationID)
                .with(\.$holder).all()
            for m in memberships { known.memberships[m.$company.id] = m }
            let holderIDs = memberships.compactMap { $0.$holder.id }
            if !holderIDs.isEmpty {
                for link in try await CompanyContact.query(on: db).filter(\.$person.$id ~~ holderIDs).all() {
                    known.roles["\(link.$company.id)/\(link.$person.id)"] = link.role
                }
            }
            return known
        }

        /// RIDET first; by name only a company without RIDET, or when the line has none.
        func match(_ draft: CompanyDraft) -> Company? {
            if !draft.ridet.isEmpty, let company = byRidet[draft.ridet] { return company }
            guard let company = byName[TextFolding.fold(draft.name)] else { return nil }
            return draft.ridet.isEmpty || company.ridet == nil ? company : nil
        }

        func isUnchanged(_ company: Company, line: MemberCSV.Line) -> Bool {
            var current = company.draft
            current.domains = (domains[company.id!] ?? []).sorted()
            var incoming = line.company
            incoming.domains = incoming.domains.sorted()
            guard current == incoming, let membership = memberships[company.id!],
                  membership.category == line.category, membership.status == line.status else { return false }
            guard let holder = line.holder else { return true }
            guard let person = membership.holder else { return false }
            return person.firstName == holder.firstName && person.lastName == holder.lastName
                && person.email == holder.email && person.gender == holder.genderValue
                && (holder.role.isEmpty || roles["\(company.id!)/\(person.id!)"] == holder.role)
        }
    }

    static func run(_ text: String, year: Int, dryRun: Bool, organisationID: UUID, user: User?, on db: any Database) async throws -> Plan {
        let known = try await CompetenceDomain.query(on: db).filter(\.$organisation.$id == organisationID).all().map(\.name)
        let parsed = MemberCSV.parse(text, knownDomains: known)
        guard parsed.fileError == nil else { return Plan(parsed: parsed) }
        let work: @Sendable (any Database) async throws -> Plan = { db in
            var plan = Plan(parsed: parsed)
            let existing = try await Known.load(organisationID: organisationID, year: year, on: db)
            for line in parsed.lines {
                let company = existing.match(line.company)
                if let company, existing.isUnchanged(company, line: line) {
                    plan.unchanged.append(line.lineNumber)
                    continue
                }
                if company == nil { plan.toCreate.append(line.lineNumber) } else { plan.toUpdate.append(line.lineNumber) }
                if dryRun { continue }
                let outcome = try await MemberService.save(line.company, company: company, organisationID: organisationID, user: user, on: db,
                                                           action: company == nil ? "import" : "update")
                var holderID: UUID? = nil
                if let holder = line.holder {
                    holderID = try await MemberService.attachContact(holder, companyID: outcome.companyID, organisationID: organisationID, on: db,
                                                                     defaultRole: "Titulaire", history: true, user: user).requireID()
                }
                try await MemberService.setMembership(companyID: outcome.companyID, year: year, category: line.category, status: line.status,
                                                      startDate: FrenchDate.make(year, 1, 1), holderID: holderID,
                                                      organisationID: organisationID, user: user, on: db)
            }
            return plan
        }
        return dryRun ? try await work(db) : try await db.transaction { try await work($0) }
    }
}
