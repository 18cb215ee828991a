import Fluent
import GrappeDomain
import Vapor

/// Creating and changing companies, their memberships and contacts: every change in one
/// transaction with its audit entry. Used by the forms, the CSV import and the demo data.
enum MemberService {
    struct Outcome: Sendable {
        let companyID: UUID
        let created: Bool
        let changed: Bool
    }

    /// Domain names → ids for the organisation.
    static func domainTable(_ db: any Database, organisationID: UUID) async throws -> [String: UUID] {
        let all = try await CompetenceDomain.query(on: db).filter(\.$organisation.$id == organisationID).all()
        return Dictionary(all.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
    }

    /// A slug unused by any other company of the organisation.
    static func freeSlug(_ db: any Database, organisationID: UUID, name: String, excluding: UUID?) async throws -> String {
        let base = TextFolding.slug(name)
        let taken = try await Company.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$slug =~ base).all()
            .filter { $0.id != excluding }.map(\.slug)
        return TextFolding.freeSlug(base, taken: Set(taken))
    }

    /// Saves a validated draft onto a new or existing company and sets its domains.
    static func save(_ draft: CompanyDraft, company existing: Company?, organisationID: UUID, user: User?,
                     on db: any Database, action: String? = nil, verifiedOn: Date? = nil) async throws -> Outcome {
        let domainIDs = try await domainTable(db, organisationID: organisationID)
        let company = existing ?? Company(organisationID: organisationID, slug: "")
        let before = existing.map { $0.auditSnapshot } ?? [:]
        let beforeDomains = existing == nil ? [] : try await currentDomains(db, companyID: company.requireID())
        company.apply(draft)
        if let verifiedOn { company.verifiedAt = verifiedOn }
        if existing == nil || company.slug.isEmpty {
            company.slug = try await freeSlug(db, organisationID: organisationID, name: draft.name, excluding: company.id)
        }
        try await company.save(on: db)
        let companyID = try company.requireID()
        let wanted = Set(draft.domains)
        if wanted != Set(beforeDomains) {
            try await CompanyDomain.query(on: db).filter(\.$company.$id == companyID).delete()
            for name in wanted.sorted() {
                if let id = domainIDs[name] { try await CompanyDomain(companyID: companyID, domainID: id).create(on: db) }
            }
        }
        var changes = Audit.diff(before, company.auditSnapshot)
        let joinedBefore = beforeDomains.sorted().joined(separator: ", "), joinedAfter = wanted.sorted().joined(separator: ", ")
        if joinedBefore != joinedAfter { changes["domaines"] = (joinedBefore, joinedAfter) }
        try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "company", entityID: companyID,
                               action: action ?? (existing == nil ? "create" : "update"), changes: changes)
        return Outcome(companyID: companyID, created: existing == nil, changed: !changes.isEmpty)
    }

    static func currentDomains(_ db: any Database, companyID: UUID) async throws -> [String] {
        try await MemberQueries.domainNames(db, companyIDs: [companyID])[companyID] ?? []
    }

    /// Creates or updates the membership of `year`, returning whether anything changed.
    @discardableResult
    static func setMembership(companyID: UUID, year: Int, category: MembershipCategory, status: MembershipStatus,
                              startDate: Date, holderID: UUID?, organisationID: UUID, user: User?, on db: any Database,
                              action: String = "update") async throws -> Bool {
        let existing = try await Membership.query(on: db).filter(\.$company.$id == companyID).filter(\.$year == year).first()
        let membership = existing ?? Membership(companyID: companyID, year: year, category: category, status: status, startDate: startDate, holderID: holderID)
        let before = existing.map(snapshot) ?? [:]
        membership.category = category
        membership.status = status
        if existing == nil { membership.startDate = startDate }
        if let holderID { membership.$holder.id = holderID }
        let changes = Audit.diff(before, snapshot(membership))
        guard existing == nil || !changes.isEmpty else { return false }
        try await membership.save(on: db)
        try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "company", entityID: companyID,
                               action: existing == nil ? "create" : action, changes: changes.mapKeysPrefixed("adhésion \(year) "))
        return true
    }

    static func snapshot(_ m: Membership) -> [String: String] {
        ["catégorie": m.category.label, "statut": m.status.label, "début": FrenchDate.short(m.startDate),
         "fin": m.endDate.map(FrenchDate.short) ?? "", "titulaire": m.$holder.id?.uuidString ?? ""]
    }

    /// Finds a person by email among the company's contacts, else creates one; links them. An
    /// empty role in `draft` keeps a known contact's role; a new contact gets `defaultRole`.
    /// `history`: record what changed in the company's audit log, as `user` (the member import).
    static func attachContact(_ draft: PersonDraft, companyID: UUID, organisationID: UUID, on db: any Database,
                              defaultRole: String = "", history: Bool = false, user: User? = nil) async throws -> Person {
        if !draft.email.isEmpty,
           let link = try await CompanyContact.query(on: db).filter(\.$company.$id == companyID)
               .join(Person.self, on: \CompanyContact.$person.$id == \Person.$id)
               .filter(Person.self, \.$email == draft.email).first() {
            let person = try link.joined(Person.self)
            let before = contactSnapshot(person, role: link.role)
            person.apply(draft)
            try await person.save(on: db)
            if !draft.role.isEmpty && link.role != draft.role { link.role = draft.role; try await link.save(on: db) }
            if history {
                let changes = Audit.diff(before, contactSnapshot(person, role: link.role))
                if !changes.isEmpty {
                    try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "company", entityID: companyID,
                                           action: "update", changes: changes.mapKeysPrefixed("contact \(person.fullName) : "))
                }
            }
            return person
        }
        let person = Person(organisationID: organisationID, draft: draft)
        try await person.create(on: db)
        let role = draft.role.isEmpty ? defaultRole : draft.role
        try await CompanyContact(companyID: companyID, personID: person.requireID(), role: role).create(on: db)
        if history {
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "company", entityID: companyID,
                                   action: "update", changes: ["contact ajouté": ("", "\(person.fullName)\(role.isEmpty ? "" : " (\(role))") \(person.email)")])
        }
        return person
    }

    static func contactSnapshot(_ p: Person, role: String) -> [String: String] {
        ["prénom": p.firstName, "nom": p.lastName, "e-mail": p.email, "téléphone": p.phone, "genre": p.gender?.label ?? "", "fonction": role]
    }
}

extension Dictionary where Key == String {
    func mapKeysPrefixed(_ prefix: String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (prefix + $0.key, $0.value) })
    }
}
