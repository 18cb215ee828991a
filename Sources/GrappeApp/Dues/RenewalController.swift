import Fluent
import GrappeDomain
import Vapor

/// The renewal campaign (staff: preview, confirm, settings) and the member contact's own
/// confirmation. The rules are in `RenewalService`, `RenewalPreview` and `RenewalRule`.
enum RenewalController {
    /// The campaign's year: `?annee=`, by default the year after the latest year with memberships.
    static func year(_ req: Request, organisationID: UUID) async throws -> Int {
        if let y = req.query[Int.self, at: "annee"], (2001...2100).contains(y) { return y }
        let latest = try await Membership.query(on: req.db).join(Company.self, on: \Membership.$company.$id == \Company.$id)
            .filter(Company.self, \.$organisation.$id == organisationID).filter(\.$status == .active).max(\.$year)
        return (latest ?? FrenchDate.year(of: req.now)) + 1
    }

    static func preview(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = try await year(req, organisationID: orgID)
        return try await page(req, year: year, form: FormState(values: [:]), status: .ok)
    }

    static func page(_ req: Request, year: Int, form: FormState, status: HTTPStatus) async throws -> Response {
        let orgID = try await req.organisationID()
        let preview = try await RenewalPreview.load(req.db, organisationID: orgID, year: year)
        var form = form
        if form.values["issuedOn"] == nil { form.values["issuedOn"] = FrenchDate.iso(req.now) }
        let settings = try await RenewalSettings.of(orgID, on: req.db)
        return try await Layout.page(req, title: "Renouvellement \(year)", status: status,
                                     body: RenewalView.render(preview, form: form, settings: settings, csrf: CSRF.hiddenField(req)))
    }

    static func run(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        guard let year = req.content[Int.self, at: "year"], (2001...2100).contains(year) else {
            return req.redirect(to: Site.duesDashboardIndex.path(), flash: "Année invalide.", .error)
        }
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let preview = try await RenewalPreview.load(req.db, organisationID: orgID, year: year)
        var form = FormState(values: fields.filter { $0.key != "csrf" })
        var choices: [UUID: RenewalService.Choice] = [:]
        for line in preview.toRenew {
            let id = line.companyID.uuidString
            let category = MembershipCategory(rawValue: form["category-\(id)"]) ?? line.category
            let text = form["headcount-\(id)"].trimmingCharacters(in: .whitespaces)
            let renew = form["renew-\(id)"] == "1"
            guard let headcount = Int(text), (0...100_000).contains(headcount) else {
                if renew { form.errors["headcount-\(id)"] = "Effectif de \(line.companyName) : un nombre entier de salariés (0 à 100 000)." }
                continue
            }
            if renew, preview.grid != nil, preview.fee(category: category, headcount: headcount) == nil {
                form.errors["headcount-\(id)"] = "Aucune tranche du barème \(year) ne couvre \(line.companyName) avec \(French.count(headcount, "salarié", "salariés"))."
            }
            choices[line.companyID] = .init(renew: renew, category: category, headcount: headcount)
        }
        let issuedOn = FrenchDate.parse(form["issuedOn"])
        if issuedOn == nil { form.errors["issuedOn"] = "Date invalide." }
        if preview.grid == nil { form.errors["grid"] = preview.gridProblem ?? "Aucun barème pour \(year)." }
        // A form sent twice ticks companies renewed in the meantime: nothing to do, not an error.
        let ticked = fields.contains { $0.key.hasPrefix("renew-") && $0.value == "1" }
        if form.errors.isEmpty && !preview.toRenew.isEmpty && !ticked { form.errors["renew"] = "Cochez au moins un adhérent à renouveler." }
        guard form.errors.isEmpty, let issuedOn else { return try await page(req, year: year, form: form, status: .badRequest) }
        do {
            let outcome = try await RenewalService.run(year: year, choices: choices, issuedOn: issuedOn, organisationID: orgID, user: user,
                                                       app: req.application, on: req.db)
            let message = outcome.renewed == 0 && outcome.numbers.isEmpty
                ? "Rien de nouveau : chaque adhérent retenu est déjà renouvelé pour \(year) avec sa cotisation."
                : "\(French.count(outcome.renewed, "adhésion renouvelée", "adhésions renouvelées")), \(French.count(outcome.numbers.count, "cotisation émise", "cotisations émises")), \(French.count(outcome.mailed, "appel envoyé", "appels envoyés")) par e-mail."
            return req.redirect(to: "\(Site.duesDashboardIndex.path())?annee=\(year)", flash: message, outcome.numbers.isEmpty ? .info : .success)
        } catch let failure as DuesService.Failure {
            form.errors["grid"] = failure.description
            return try await page(req, year: year, form: form, status: .badRequest)
        }
    }

    // MARK: settings

    static func settings(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let s = try await RenewalSettings.of(try await req.organisationID(), on: req.db)
        return try await Layout.page(req, title: "Réglages du renouvellement", body: RenewalSettingsView.render(RenewalSettingsView.values(s), csrf: CSRF.hiddenField(req)))
    }

    static func saveSettings(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        var form = FormState()
        for key in ["graceDays", "lapseDay", "lapseMonth", "reminderDays"] { form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces) }
        func number(_ key: String, _ range: ClosedRange<Int>, _ message: String) -> Int? {
            guard let n = Int(form[key]), range.contains(n) else { form.errors[key] = message; return nil }
            return n
        }
        let grace = number("graceDays", RenewalSettings.graceRange, "Un nombre de jours entre 0 et 365.")
        let month = number("lapseMonth", 1...12, "Un mois entre 1 et 12.")
        let day = number("lapseDay", 1...31, "Un jour entre 1 et 31.")
        let reminder = number("reminderDays", RenewalSettings.reminderRange, "Un nombre de jours entre 1 et 90.")
        if let month, let day, day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] { form.errors["lapseDay"] = "Ce jour n'existe pas dans ce mois." }
        guard form.errors.isEmpty, let grace, let month, let day, let reminder else {
            return try await Layout.page(req, title: "Réglages du renouvellement", status: .badRequest, body: RenewalSettingsView.render(form, csrf: CSRF.hiddenField(req)))
        }
        try await req.db.transaction { db in
            let s = try await RenewalSettings.of(orgID, on: db)
            let before = RenewalSettingsView.values(s).values
            s.graceDays = grace; s.lapseMonth = month; s.lapseDay = day; s.reminderDays = reminder
            try await s.save(on: db)
            let after = RenewalSettingsView.values(s).values
            let labels = ["graceDays": "délai de grâce", "lapseDay": "jour de non-renouvellement", "lapseMonth": "mois de non-renouvellement", "reminderDays": "rappel (jours avant)"]
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "renewal_settings", entityID: try s.requireID(), action: "update",
                                   changes: Dictionary(uniqueKeysWithValues: labels.map { ($0.value, (before[$0.key] ?? "", after[$0.key] ?? "")) }))
        }
        return req.redirect(to: Site.renewalSettings.path(), flash: "Réglages du renouvellement enregistrés.")
    }

    // MARK: the member's confirmation

    static func confirm(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let companyID = try req.uuidParameter("companyID")
        guard req.viewer.companyIDs.contains(companyID) else { throw Abort(.forbidden) }
        guard let company = try await Company.find(companyID, on: req.db), company.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        guard let offer = try await RenewalOffer.load(req.db, company: company, now: req.now) else {
            return req.redirect(to: Site.memberShow.path(companyID), flash: "Aucun renouvellement à confirmer pour le moment.", .info)
        }
        var form = FormState(values: ["headcount": (req.content[String.self, at: "headcount"] ?? "").trimmingCharacters(in: .whitespaces)])
        var headcount = offer.headcount
        if !offer.called {
            if let n = Int(form["headcount"]), (0...100_000).contains(n) { headcount = n } else { form.errors["headcount"] = "Un nombre entier de salariés (0 à 100 000)." }
        }
        guard form.errors.isEmpty else { return try await MemberController.page(req, company: company, renewalForm: form, status: .badRequest) }
        let orgID = company.$organisation.id
        let declared = headcount
        try await req.db.transaction { db in
            try await TransactionLock.acquire("renewal:\(companyID):\(offer.year)", on: db)
            let renewal = try await Renewal.query(on: db).filter(\.$company.$id == companyID).filter(\.$year == offer.year).first()
                ?? Renewal(companyID: companyID, year: offer.year)
            renewal.headcount = declared
            renewal.confirmedBy = user.displayName
            renewal.confirmedAt = req.now
            try await renewal.save(on: db)
            var changes: [String: (String, String)] = ["renouvellement \(offer.year)": (offer.confirmedAt == nil ? "" : "confirmé", "confirmé")]
            if company.headcount != declared {
                changes["effectif"] = (String(company.headcount), String(declared))
                try await Company.query(on: db).filter(\.$id == companyID).set(\.$headcount, to: declared).update()
            }
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: companyID, action: "confirm_renewal", changes: changes)
        }
        return req.redirect(to: Site.memberShow.path(companyID), flash: "Renouvellement \(offer.year) confirmé. Merci !")
    }
}
