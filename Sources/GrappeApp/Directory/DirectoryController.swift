import Fluent
import GrappeDomain
import Vapor

/// The public directory: search, a company's page, correction and removal requests, exports.
enum DirectoryController {
    static let perPage = 20

    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let filter = DirectoryFilter(from: req)
        let ids = try await DirectoryQueries.matches(req.db, filter: filter, organisationID: orgID, now: req.now)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: perPage, total: ids.count)
        let pageIDs = Array(ids.dropFirst(pages.offset).prefix(perPage))
        let entries = try await DirectoryQueries.entries(req.db, ids: pageIDs, organisationID: orgID, now: req.now)
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name)
        return try await Layout.page(req, title: "Annuaire", body: DirectoryView.search(filter: filter, entries: entries, pages: pages, domains: domains))
    }

    static func entry(_ req: Request) async throws -> DirectoryEntry {
        let orgID = try await req.organisationID()
        guard let slug = req.parameters.get("slug"),
              let entry = try await DirectoryQueries.listed(req.db, slug: slug, organisationID: orgID, now: req.now) else { throw Abort(.notFound) }
        return entry
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, entry: try await entry(req), form: FormState(values: ["kind": "correction"]))
    }

    static func page(_ req: Request, entry: DirectoryEntry, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        try await Layout.page(req, title: entry.company.name, status: status,
                                     head: DirectoryView.head(entry: entry, baseURL: req.application.baseURL),
                                     body: DirectoryView.profile(entry: entry, form: form, canEdit: req.viewer.canEditProfile(of: try entry.company.requireID()),
                                                                 csrf: CSRF.hiddenField(req)))
    }

    /// A visitor asks to correct or remove an entry; staff are told by email.
    static func report(_ req: Request) async throws -> Response {
        let entry = try await entry(req)
        let company = entry.company
        let values = ["kind": req.content[String.self, at: "kind"] ?? "", "name": FieldCheck.trimmed(req.content[String.self, at: "name"]),
                      "email": FieldCheck.trimmed(req.content[String.self, at: "email"]).lowercased(),
                      "message": FieldCheck.trimmed(req.content[String.self, at: "message"])]
        switch PublicFormGuard.check(req, form: "directory") {
        case .honeypot: return req.redirect(to: Site.directoryShow.path(company.slug), flash: "Demande envoyée.")
        case .limited: return try await page(req, entry: entry, form: FormState(values: values, errors: ["message": PublicFormGuard.limitedMessage]), status: .tooManyRequests)
        case .proceed: break
        }
        var form = FormState(values: values)
        let kind = DirectoryRequest.Kind(rawValue: values["kind"]!)
        if kind == nil { form.errors["kind"] = "Choisissez une correction ou un retrait." }
        if form["name"].isEmpty { form.errors["name"] = "Votre nom est obligatoire." } else if form["name"].count > 120 { form.errors["name"] = "120 caractères au maximum." }
        if !FieldCheck.isEmail(form["email"]) { form.errors["email"] = "Adresse e-mail invalide." }
        if form["message"].count < 10 { form.errors["message"] = "Expliquez la demande en quelques mots (10 caractères au moins)." }
        else if form["message"].count > 2000 { form.errors["message"] = "2 000 caractères au maximum." }
        guard form.errors.isEmpty, let kind else { return try await page(req, entry: entry, form: form, status: .badRequest) }
        let org = try await req.organisation()
        let orgID = try org.requireID()
        let sent = form
        try await req.db.transaction { db in
            try await DirectoryRequest(organisationID: orgID, companyID: company.requireID(), kind: kind, name: sent["name"], email: sent["email"], message: sent["message"]).create(on: db)
            if FieldCheck.isEmail(org.email) {
                let text = DirectoryMails.request(name: sent["name"], email: sent["email"], kind: kind.label.lowercased(), company: company.name,
                                                  message: sent["message"], link: req.application.baseURL + Site.directoryAdminIndex.path())
                try await Mailer.queue(text, to: org.email, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: Site.directoryShow.path(company.slug), flash: "Demande envoyée : l'équipe du cluster vous répondra par e-mail.")
    }

    // MARK: exports

    static func exportRows(_ req: Request) async throws -> [DirectoryEntry] {
        let orgID = try await req.organisationID()
        let ids = try await DirectoryQueries.matches(req.db, filter: DirectoryFilter(), organisationID: orgID, now: req.now)
        return try await DirectoryQueries.entries(req.db, ids: ids, organisationID: orgID, now: req.now)
    }

    static let exportHeader = ["nom", "fiche", "commune", "taille", "domaines", "site", "email", "telephone", "adherent", "verifiee_le"]

    static func exportFields(_ e: DirectoryEntry, baseURL: String) -> [String] {
        let c = e.company
        return [c.name, baseURL + Site.directoryShow.path(c.slug), c.commune, SizeBand.of(headcount: c.headcount).label, e.domains.joined(separator: ", "),
                c.website, c.email, c.phone, e.isMember ? "oui" : "non", c.verifiedAt.map(FrenchDate.iso) ?? ""]
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        let base = req.application.baseURL
        let rows = try await exportRows(req).map { exportFields($0, baseURL: base) }
        return CSVDownload.response(CSVTable.write(header: exportHeader, rows: rows, keepAsText: ["telephone"]), filename: "annuaire.csv")
    }

    static func exportJSON(_ req: Request) async throws -> Response {
        let base = req.application.baseURL
        let objects = try await exportRows(req).map { entry -> [String: String] in
            Dictionary(uniqueKeysWithValues: zip(exportHeader, exportFields(entry, baseURL: base)))
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"annuaire.json\""], body: .init(data: data))
    }
}
