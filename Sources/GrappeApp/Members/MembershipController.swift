import Fluent
import GrappeDomain
import Vapor

/// Memberships per year and resignation.
enum MembershipController {
    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        let orgID = try await req.organisationID()
        let path = Site.memberShow.path(companyID)
        guard let year = req.content[Int.self, at: "year"], (2000...2100).contains(year) else {
            return req.redirect(to: path, flash: "Année invalide (entre 2000 et 2100).", .error)
        }
        guard let category = MembershipCategory(rawValue: req.content[String.self, at: "category"] ?? ""),
              let status = MembershipStatus(rawValue: req.content[String.self, at: "status"] ?? "") else {
            return req.redirect(to: path, flash: "Catégorie ou statut inconnu.", .error)
        }
        var holderID: UUID? = nil
        if let raw = req.content[String.self, at: "holder"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw),
                  try await CompanyContact.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$person.$id == id).first() != nil else {
                return req.redirect(to: path, flash: "Le titulaire doit être un contact de l'entreprise.", .error)
            }
            holderID = id
        }
        let holder = holderID
        let changed = try await req.db.transaction { db in
            try await MemberService.setMembership(companyID: companyID, year: year, category: category, status: status,
                                                  startDate: FrenchDate.make(year, 1, 1), holderID: holder,
                                                  organisationID: orgID, user: user, on: db)
        }
        return req.redirect(to: path, flash: changed ? "Adhésion \(year) enregistrée." : "Aucun changement.", changed ? .success : .info)
    }

    static func resignForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let company = try await CompanyLookup.find(req)
        return try await resignPage(req, company: company, state: FormState(values: ["date": FrenchDate.iso(req.now)]))
    }

    static func resignPage(_ req: Request, company: Company, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = MembershipView.resign(company, state: state, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Démission", status: status, body: body)
    }

    static func resign(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        let orgID = try await req.organisationID()
        let state = FormState(values: ["date": req.content[String.self, at: "date"] ?? "", "reason": req.content[String.self, at: "reason"] ?? ""])
        var errors: [String: String] = [:]
        let date = FrenchDate.parse(state["date"])
        if date == nil { errors["date"] = "Date invalide." }
        if state["reason"].count > 500 { errors["reason"] = "500 caractères au maximum." }
        let membership = try await Membership.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$status == .active)
            .sort(\.$year, .descending).first()
        if membership == nil { errors["date"] = "Cette entreprise n'a pas d'adhésion active." }
        guard errors.isEmpty, let date, let membership else {
            return try await resignPage(req, company: company, state: FormState(values: state.values, errors: errors), status: .badRequest)
        }
        try await req.db.transaction { db in
            let before = MemberService.snapshot(membership)
            membership.status = .resigned
            membership.endDate = date
            try await membership.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: companyID, action: "resign",
                                   changes: Audit.diff(before, MemberService.snapshot(membership)).mapKeysPrefixed("adhésion \(membership.year) "),
                                   reason: state["reason"].trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return req.redirect(to: Site.memberShow.path(companyID), flash: "Démission enregistrée.")
    }
}
