import Fluent
import GrappeDomain
import Vapor

/// A company's page and its forms: create, edit, resign, memberships per year, contacts.
enum MemberController {

    static func domains(_ req: Request) async throws -> [CompetenceDomain] {
        try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).all().sortedInFrench(by: \.name)
    }

    // MARK: detail

    static func show(_ req: Request) async throws -> Response {
        try await page(req, company: try await CompanyLookup.find(req), renewalForm: FormState(), status: .ok)
    }

    /// The company's page; `renewalForm`: the member's renewal confirmation as typed (errors included).
    static func page(_ req: Request, company: Company, renewalForm: FormState, status: HTTPStatus) async throws -> Response {
        let companyID = try company.requireID()
        try req.requireCompanyRead(companyID)
        let memberships = try await Membership.query(on: req.db).filter(\.$company.$id == companyID)
            .with(\.$holder).sort(\.$year, .descending).all()
        let dues = try await DueQueries.summaries(req.db, companyID: companyID)
        let contacts = try await CompanyContact.query(on: req.db).filter(\.$company.$id == companyID).with(\.$person).all()
        let personIDs = contacts.map { $0.$person.id }
        let logins = personIDs.isEmpty ? [] : try await User.query(on: req.db).filter(\.$person.$id ~~ personIDs).all()
        let domainNames = try await MemberService.currentDomains(req.db, companyID: companyID)
        let trail = req.viewer.isStaff ? try await AuditViews.trail(on: req.db, entityIDs: [companyID] + dues.map(\.id)) : []
        let mine = req.viewer.companyIDs.contains(companyID)
        var renewal: HTML = .empty
        if mine, let offer = try await RenewalOffer.load(req.db, company: company, now: req.now) {
            var form = renewalForm
            if form.values["headcount"] == nil { form.values["headcount"] = String(offer.headcount) }
            renewal = RenewalPanelView.render(offer, form: form, csrf: CSRF.hiddenField(req))
        }
        return try await Layout.page(req, title: company.name, status: status, body: MemberDetailView.render(
            company: company, domains: domainNames, memberships: memberships, dues: dues, contacts: contacts,
            loginsByPerson: Dictionary(logins.compactMap { u in u.$person.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a }),
            trail: trail, staff: req.viewer.isStaff, canEdit: req.viewer.canEditProfile(of: companyID),
            listLink: req.viewer.readsEverything, mine: mine, renewal: renewal, now: req.now, csrf: CSRF.hiddenField(req)))
    }

    /// A member contact's shortcut to their company.
    static func mine(_ req: Request) async throws -> Response {
        try req.require(.member)
        guard let id = req.viewer.companyIDs.sorted(by: { $0.uuidString < $1.uuidString }).first else {
            return try await Layout.page(req, title: "Mon entreprise", body: MemberFormView.noCompany())
        }
        return req.redirect(to: Site.memberShow.path(id))
    }

    // MARK: create

    static func newForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        var draft = CompanyDraft()
        draft.headcount = "0"
        return try await newPage(req, draft: draft, errors: [:], membership: FormState(values: ["year": String(try await MemberQueries.defaultYear(req.db, now: req.now)), "category": "core", "status": "active"]))
    }

    static func newPage(_ req: Request, draft: CompanyDraft, errors: [String: String], membership: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = MemberFormView.newMember(draft: draft, errors: errors, membership: membership, domains: try await domains(req),
                                            staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Nouvel adhérent", status: status, body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        var draft = CompanyForm.draft(from: req, base: nil)
        var errors = draft.validate(knownDomains: try await domains(req).map(\.name))
        let membershipState = FormState(values: ["year": req.content[String.self, at: "year"] ?? "", "category": req.content[String.self, at: "category"] ?? "",
                                                 "status": req.content[String.self, at: "status"] ?? "", "startDate": req.content[String.self, at: "startDate"] ?? ""])
        let year = Int(membershipState["year"]).flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors["year"] = "Année invalide (entre 2000 et 2100)." }
        let category = MembershipCategory(rawValue: membershipState["category"])
        if category == nil { errors["category"] = "Catégorie inconnue." }
        let directoryOnly = membershipState["status"] == "none"
        let status = MembershipStatus(rawValue: membershipState["status"])
        if status == nil && !directoryOnly { errors["status"] = "Statut inconnu." }
        var start = year.map { FrenchDate.make($0, 1, 1) }
        if !membershipState["startDate"].isEmpty {
            start = FrenchDate.parse(membershipState["startDate"])
            if start == nil { errors["startDate"] = "Date invalide." }
        }
        if errors.isEmpty, !draft.ridet.isEmpty,
           try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$ridet == draft.ridet).first() != nil {
            errors["ridet"] = "Une entreprise porte déjà ce RIDET."
        }
        guard errors.isEmpty, let year, let category, let status = status ?? (directoryOnly ? .active : nil), let start else {
            return try await newPage(req, draft: draft, errors: errors, membership: FormState(values: membershipState.values, errors: errors), status: .badRequest)
        }
        let valid = draft
        let companyID = try await req.db.transaction { db in
            let outcome = try await MemberService.save(valid, company: nil, organisationID: orgID, user: user, on: db, verifiedOn: req.now)
            if directoryOnly { return outcome.companyID }
            try await MemberService.setMembership(companyID: outcome.companyID, year: year, category: category, status: status,
                                                  startDate: start, holderID: nil, organisationID: orgID, user: user, on: db)
            return outcome.companyID
        }
        return req.redirect(to: Site.memberShow.path(companyID), flash: "Adhérent « \(draft.name) » créé.")
    }

    // MARK: edit

    static func editForm(_ req: Request) async throws -> Response {
        let company = try await CompanyLookup.find(req)
        guard req.viewer.canEditProfile(of: try company.requireID()) else { throw req.viewer.user == nil ? LoginRequired(returnTo: req.url.string) : Abort(.forbidden) }
        var draft = company.draft
        draft.domains = try await MemberService.currentDomains(req.db, companyID: company.requireID())
        return try await editPage(req, company: company, draft: draft, errors: [:])
    }

    static func editPage(_ req: Request, company: Company, draft: CompanyDraft, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let body = MemberFormView.edit(company, draft: draft, errors: errors, domains: try await domains(req),
                                       staff: req.viewer.isStaff, listLink: req.viewer.readsEverything, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Modifier \(company.name)", status: status, body: body)
    }

    static func update(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        guard req.viewer.canEditProfile(of: companyID) else { throw Abort(.forbidden) }
        let orgID = try await req.organisationID()
        var draft = CompanyForm.draft(from: req, base: company.draft)
        var errors = draft.validate(knownDomains: try await domains(req).map(\.name))
        if errors.isEmpty, !draft.ridet.isEmpty,
           let other = try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$ridet == draft.ridet).first(),
           other.id != companyID {
            errors["ridet"] = "Une autre entreprise porte déjà ce RIDET."
        }
        guard errors.isEmpty else { return try await editPage(req, company: company, draft: draft, errors: errors, status: .badRequest) }
        let valid = draft
        let wasPublic = company.publicProfile
        _ = try await req.db.transaction { db in
            try await MemberService.save(valid, company: company, organisationID: orgID, user: user, on: db, verifiedOn: req.now)
            // The directory consent, as given or withdrawn by whoever ticked the box.
            if valid.publicProfile && !wasPublic {
                try await Consent.record(on: db, organisationID: orgID, email: user.email, personID: user.$person.id,
                                         purpose: "directory_profile", wording: Consent.directoryWording + " (\(company.name))")
            } else if !valid.publicProfile && wasPublic {
                try await Consent.withdraw(on: db, organisationID: orgID, email: user.email, purpose: "directory_profile")
            }
        }
        return req.redirect(to: Site.memberShow.path(companyID), flash: "Fiche enregistrée.")
    }
}
