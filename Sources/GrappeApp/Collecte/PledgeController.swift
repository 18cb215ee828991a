import Fluent
import GrappeDomain
import Vapor

/// Donors pledge equipment (online, or through staff); staff plan the pick-up, record what was
/// collected against the pledge, and print the donor's erasure certificate. `PledgeView` draws.
enum PledgeController {
    /// Units a public pledge may announce; larger donations go through staff.
    static let publicUnitLimit = 50
    static let fields = ["donorName", "contactName", "contactEmail", "address", "notes"]

    static func latestCampaign(_ req: Request) async throws -> CollectCampaign? {
        try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID())).sort(\.$year, .descending).first()
    }

    static func publicForm(_ req: Request) async throws -> Response {
        try await publicPage(req, form: FormState())
    }

    static func publicPage(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        guard let campaign = try await latestCampaign(req) else {
            return try await Layout.page(req, title: "Donner du matériel", body: PledgeView.noCampaign)
        }
        let body = PledgeView.publicPage(campaign: campaign, form: form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Donner du matériel", status: status, body: body)
    }

    static func read(_ req: Request) -> (FormState, [CollectService.PledgeLine]?) {
        var form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) }))
        form.values["companyID"] = req.content[String.self, at: "companyID"] ?? ""
        form.values["contactEmail"] = form["contactEmail"].lowercased()
        form.values.merge(PledgeRows.values(req, rows: PledgeRows.count(req))) { _, row in row }
        if form["donorName"].isEmpty || form["donorName"].count > 150 { form.errors["donorName"] = "Le nom du donateur est obligatoire (150 caractères au plus)." }
        if form["contactName"].isEmpty || form["contactName"].count > 120 { form.errors["contactName"] = "La personne à contacter est obligatoire." }
        if !FieldCheck.isEmail(form["contactEmail"]) { form.errors["contactEmail"] = "Adresse e-mail invalide." }
        if form["address"].isEmpty || form["address"].count > 300 { form.errors["address"] = "L'adresse d'enlèvement est obligatoire." }
        if form["notes"].count > 2000 { form.errors["notes"] = "2 000 caractères au maximum." }
        switch CollectService.lines(PledgeRows.text(form)) {
        case .success(let lines): return (form, form.errors.isEmpty ? lines : nil)
        case .failure(let failure): form.errors["lines"] = failure.description; return (form, nil)
        }
    }

    /// « Ajouter une ligne »: the form drawn again with one more row, nothing checked or saved.
    static func withOneMoreRow(_ req: Request) -> FormState {
        let rows = min(PledgeRows.count(req) + 1, PledgeRows.maxRows)
        var form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) }))
        form.values["companyID"] = req.content[String.self, at: "companyID"] ?? ""
        form.values.merge(PledgeRows.values(req, rows: rows)) { _, row in row }
        return form
    }

    static func publicSubmit(_ req: Request) async throws -> Response {
        guard let campaign = try await latestCampaign(req) else { throw Abort(.notFound) }
        if PledgeRows.wantsRow(req) { return try await publicPage(req, form: withOneMoreRow(req)) }
        switch PublicFormGuard.check(req, form: "pledge") {
        case .honeypot: return req.redirect(to: Site.pledgePublicForm.path(), flash: "Merci pour votre promesse de don.")
        case .limited: return try await publicPage(req, form: FormState(errors: ["donorName": PublicFormGuard.limitedMessage]), status: .tooManyRequests)
        case .proceed: break
        }
        var (form, lines) = read(req)
        if let units = lines?.map(\.quantity).reduce(0, +), units > publicUnitLimit {
            form.errors["lines"] = "Au-delà de \(publicUnitLimit) matériels, écrivez-nous : l'équipe enregistre le don avec vous."
            lines = nil
        }
        guard let lines else { return try await publicPage(req, form: form, status: .badRequest) }
        // A member's pledge is credited to their company only when it is the donor named.
        let mine = try await Company.query(on: req.db).filter(\.$id ~~ Array(req.viewer.companyIDs)).all()
        let companyID = mine.first { TextFolding.fold($0.name) == TextFolding.fold(form["donorName"]) }?.id
        let pledge = try await CollectService.pledge(campaign: campaign, donorCompanyID: companyID, donorName: form["donorName"], contactName: form["contactName"],
                                                     contactEmail: form["contactEmail"], address: form["address"], notes: form["notes"], lines: lines,
                                                     user: req.viewer.user, on: req.db)
        let org = try await req.organisation()
        try await Mailer.queue(CollecteMails.pledgeReceived(contact: form["contactName"], items: lines.map(\.quantity).reduce(0, +), organisation: org.name),
                               to: form["contactEmail"], organisationID: org.id, on: req.db)
        if FieldCheck.isEmail(org.email) {
            try await Mailer.queue(CollecteMails.pledgeNotice(donor: form["donorName"], link: req.application.baseURL + Site.pledgeShow.path(pledge)),
                                   to: org.email, organisationID: org.id, on: req.db)
        }
        return req.redirect(to: Site.pledgePublicForm.path(), flash: "Merci pour votre promesse de don : l'équipe vous contacte pour l'enlèvement.")
    }

    static func staffForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let c = try await CollecteController.campaign(req)
        return try await staffPage(req, campaign: c, form: FormState())
    }

    static func staffPage(_ req: Request, campaign c: CollectCampaign, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let companies = try await Company.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID())).all().sortedInFrench(by: \.name)
        let body = PledgeView.staffPage(campaign: c, form: form, companies: companies, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Nouvelle promesse", status: status, body: body)
    }

    static func staffSubmit(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let c = try await CollecteController.campaign(req)
        if PledgeRows.wantsRow(req) { return try await staffPage(req, campaign: c, form: withOneMoreRow(req)) }
        let (form, lines) = read(req)
        guard let lines else { return try await staffPage(req, campaign: c, form: form, status: .badRequest) }
        let orgID = try await req.organisationID()
        let companyID = UUID(uuidString: form["companyID"])
        if let companyID, try await Company.find(companyID, on: req.db)?.$organisation.id != orgID { throw Abort(.badRequest) }
        let pledge = try await CollectService.pledge(campaign: c, donorCompanyID: companyID, donorName: form["donorName"], contactName: form["contactName"],
                                                     contactEmail: form["contactEmail"], address: form["address"], notes: form["notes"], lines: lines, user: user, on: req.db)
        return req.redirect(to: Site.pledgeShow.path(pledge), flash: "Promesse enregistrée.")
    }

    static func find(_ req: Request) async throws -> CollectPledge {
        guard let p = try await CollectPledge.query(on: req.db).filter(\.$id == (try req.uuidParameter("pledgeID"))).with(\.$campaign).first(),
              p.campaign.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return p
    }

    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let p = try await find(req)
        let items = try await CollectItem.query(on: req.db).filter(\.$pledge.$id == p.requireID()).sort(\.$tag).all()
        for i in items { i.$pledge.value = p }
        let body = PledgeView.page(p, items: items, staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Promesse de \(p.donorName)", body: body)
    }

    static func planPickup(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let p = try await find(req)
        guard let date = FrenchDate.parse(req.content[String.self, at: "date"] ?? "") else {
            return req.redirect(to: Site.pledgeShow.path(p.id!), flash: "Date invalide.", .error)
        }
        p.pickupOn = date
        try await p.save(on: req.db)
        return req.redirect(to: Site.pledgeShow.path(p.id!), flash: "Enlèvement planifié le \(FrenchDate.long(date)).")
    }

    /// Records the collection: brand, model and serial as found, each checked item moved to
    /// « collecté ». All or nothing.
    static func collect(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let p = try await find(req)
        let path = Site.pledgeShow.path(p.id!)
        let chosen = Set((req.content[[String].self, at: "items"] ?? []).compactMap(UUID.init(uuidString:)))
        guard !chosen.isEmpty else { return req.redirect(to: path, flash: "Cochez au moins un matériel.", .error) }
        let items = try await CollectItem.query(on: req.db).filter(\.$pledge.$id == p.requireID()).filter(\.$id ~~ Array(chosen)).all()
        for i in items {
            let id = i.id!.uuidString
            let serial = FieldCheck.trimmed(req.content[String.self, at: "serial-\(id)"])
            guard serial.count <= 100 else { return req.redirect(to: path, flash: "Numéro de série trop long pour \(i.tag).", .error) }
            i.brand = String(FieldCheck.trimmed(req.content[String.self, at: "brand-\(id)"]).prefix(60))
            i.model = String(FieldCheck.trimmed(req.content[String.self, at: "model-\(id)"]).prefix(120))
            i.serial = serial
        }
        do {
            try await req.db.transaction { db in
                for i in items {
                    try await i.save(on: db)
                    try await CollectService.move(i, to: .collected, user: user, note: "Enlèvement chez \(p.donorName)", on: db)
                }
            }
        } catch let failure as CollectService.Failure {
            return req.redirect(to: path, flash: failure.description, .error)
        }
        return req.redirect(to: path, flash: "\(French.count(items.count, "matériel collecté", "matériels collectés")).")
    }
}
