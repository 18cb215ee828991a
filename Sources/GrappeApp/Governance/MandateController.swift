import Fluent
import GrappeDomain
import Vapor

/// Recording mandates (after an election at the general assembly), ending one early, and the
/// history of mandates per person or per role (drawn by `GovernanceView.history`).
enum MandateController {
    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        func field(_ key: String) -> String { (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces) }
        var problems: [String] = []
        let group = try await UUID(uuidString: field("group")).asyncFlatMap { try await Group.find($0, on: req.db) }
        if group == nil || group?.$organisation.id != orgID || !(group?.kind == .board || group?.kind == .bureau) { problems.append("Choisissez le CA ou le bureau.") }
        let person = try await UUID(uuidString: field("person")).asyncFlatMap { try await Person.find($0, on: req.db) }
        if person == nil || person?.$organisation.id != orgID { problems.append("Choisissez une personne.") }
        let role = MandateRole(rawValue: field("role"))
        if role == nil { problems.append("Rôle inconnu.") }
        let elected = FrenchDate.parse(field("elected"))
        if elected == nil { problems.append("Date d'élection invalide.") }
        let term = Int(field("term")) ?? MandateTerm.defaultYears
        if !(1...10).contains(term) { problems.append("Durée du mandat : de 1 à 10 ans.") }
        let rank = Int(field("rank")) ?? 0
        if !(0...9).contains(rank) { problems.append("Rang : de 0 à 9.") }
        let label = field("label")
        if label.count > 120 { problems.append("Libellé : 120 caractères au maximum.") }
        guard problems.isEmpty, let group, let person, let role, let elected else {
            return req.redirect(to: Site.governanceIndex.path(), flash: "Mandat non enregistré : " + problems.joined(separator: " "), .error)
        }
        let personID = try person.requireID()
        let companyID = try await CompanyContact.query(on: req.db).filter(\.$person.$id == personID).first()?.$company.id
        let mandate = Mandate(groupID: try group.requireID(), personID: personID, companyID: companyID, role: role, rank: rank,
                              electedOn: elected, termYears: term, holderLabel: label)
        try await req.db.transaction { db in
            try await mandate.create(on: db)
            if try await GroupMember.query(on: db).filter(\.$group.$id == group.requireID()).filter(\.$person.$id == personID).count() == 0 {
                try await GroupMember(groupID: try group.requireID(), personID: personID, role: role.label).create(on: db)
            }
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "group", entityID: try group.requireID(), action: "create",
                                   changes: ["mandat": ("", "\(person.fullName) — \(role.label), élu(e) le \(FrenchDate.short(elected)) pour \(term) ans")])
        }
        return req.redirect(to: "\(Site.governanceIndex.path())?annee=\(FrenchDate.year(of: elected))", flash: "Mandat de \(person.fullName) enregistré.")
    }

    static func end(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let id = try req.uuidParameter("mandateID")
        guard let mandate = try await Mandate.query(on: req.db).filter(\.$id == id).with(\.$group).with(\.$person).first(),
              mandate.group.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        guard let date = (req.content[String.self, at: "date"]).flatMap(FrenchDate.parse), date >= mandate.electedOn, date <= mandate.endsOn else {
            return req.redirect(to: Site.governanceIndex.path(), flash: "Date de fin invalide : entre l'élection et la fin prévue du mandat.", .error)
        }
        let before = FrenchDate.short(mandate.endsOn)
        mandate.endsOn = date
        try await req.db.transaction { db in
            try await mandate.save(on: db)
            try await Audit.record(on: db, organisationID: mandate.group.$organisation.id, user: user, entity: "group", entityID: mandate.$group.id,
                                   action: "update", changes: ["fin du mandat de \(mandate.person.fullName)": (before, FrenchDate.short(date))])
        }
        return req.redirect(to: Site.governanceIndex.path(), flash: "Mandat de \(mandate.person.fullName) terminé le \(FrenchDate.long(date)).")
    }

    /// Every mandate, filtered by person or role, newest first.
    static func history(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let personID = req.query[String.self, at: "personne"].flatMap(UUID.init(uuidString:))
        let role = req.query[String.self, at: "role"].flatMap(MandateRole.init(rawValue:))
        let mandates = try await MandateQueries.history(req.db, organisationID: orgID, personID: personID, role: role)
        let body = GovernanceView.history(mandates, role: role, person: personID != nil)
        return try await Layout.page(req, title: "Historique des mandats", body: body)
    }
}
