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
        var applied = false
    }

    static func run(_ text: String, year: Int, dryRun: Bool, organisationID: UUID, user: User?, on db: any Database) async throws -> Plan {
        let known = try await CompetenceDomain.query(on: db).filter(\.$organisation.$id == organisationID).all().map(\.name)
        let parsed = MemberCSV.parse(text, knownDomains: known)
        var plan = Plan(parsed: parsed)
        guard parsed.fileError == nil else { return plan }
        let work: @Sendable (any Database) async throws -> Plan = { db in
            var plan = Plan(parsed: parsed)
            for line in parsed.lines {
                let existing = try await match(line.company, organisationID: organisationID, on: db)
                var membership: Membership? = nil
                var sameCompany = false
                if let existing {
                    membership = try await Membership.query(on: db).filter(\.$company.$id == existing.requireID()).filter(\.$year == year).first()
                    sameCompany = try await isSame(existing, line.company, on: db)
                }
                let sameMembership = membership.map { $0.category == line.category && $0.status == line.status } ?? false
                let holderKnown = try await holderUnchanged(membership, line.holder, on: db)
                if existing != nil && sameCompany && sameMembership && holderKnown {
                    plan.unchanged.append(line.lineNumber)
                    continue
                }
                if existing == nil { plan.toCreate.append(line.lineNumber) } else { plan.toUpdate.append(line.lineNumber) }
                if dryRun { continue }
                let outcome = try await MemberService.save(line.company, company: existing, organisationID: organisationID, user: user, on: db,
                                                           action: existing == nil ? "import" : "update")
                var holderID: UUID? = nil
                if let holder = line.holder {
                    holderID = try await MemberService.attachContact(holder, companyID: outcome.companyID, organisationID: organisationID, on: db).requireID()
                }
                try await MemberService.setMembership(companyID: outcome.companyID, year: year, category: line.category, status: line.status,
                                                      startDate: FrenchDate.make(year, 1, 1), holderID: holderID,
                                                      organisationID: organisationID, user: user, on: db)
            }
            plan.applied = !dryRun
            return plan
        }
        plan = dryRun ? try await work(db) : try await db.transaction { try await work($0) }
        return plan
    }

    static func match(_ draft: CompanyDraft, organisationID: UUID, on db: any Database) async throws -> Company? {
        if !draft.ridet.isEmpty,
           let byRidet = try await Company.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$ridet == draft.ridet).first() {
            return byRidet
        }
        let folded = TextFolding.fold(draft.name)
        let candidates = try await Company.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$slug =~ TextFolding.slug(draft.name)).all()
        return candidates.first { TextFolding.fold($0.name) == folded && (draft.ridet.isEmpty || $0.ridet == nil) }
    }

    static func isSame(_ company: Company, _ draft: CompanyDraft, on db: any Database) async throws -> Bool {
        var current = company.draft
        current.domains = try await MemberService.currentDomains(db, companyID: company.requireID())
        var incoming = draft
        incoming.domains = incoming.domains.sorted()
        current.domains = current.domains.sorted()
        return current == incoming
    }

    static func holderUnchanged(_ membership: Membership?, _ holder: PersonDraft?, on db: any Database) async throws -> Bool {
        guard let holder else { return true }
        guard let membership, let holderID = membership.$holder.id, let person = try await Person.find(holderID, on: db) else { return false }
        return person.firstName == holder.firstName && person.lastName == holder.lastName
            && person.email == holder.email && person.gender == holder.genderValue
    }
}
