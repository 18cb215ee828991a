import Fluent
import GrappeDomain
import Vapor

/// The public join page: what membership gives, the fee grid, the form with a fee quote before
/// sending, and the confirmation.
enum JoinController {
    /// Applications are for the current calendar year, priced from its fee schedule.
    static func year(_ req: Request) -> Int { FrenchDate.year(of: req.now) }

    static func quoteBox(_ quote: JoinQuote?, year: Int) -> HTML {
        guard let quote else {
            return "<div class=\"panel\" role=\"status\"><p>Le barème \(year) n'est pas encore publié : l'équipe vous indiquera le montant de la cotisation.</p></div>"
        }
        return """
        <div class="panel quote" role="status"><p>Votre cotisation \(year) : <strong>\(UI.xpf(quote.amount))</strong></p>
        <p class="muted">\(quote.bracketLabel) : \(Money.xpf(quote.yearly)) par an\(quote.prorated ? ", au prorata des trimestres restants de l'année" : "").
        L'appel de cotisation vous est envoyé quand la demande est acceptée.</p></div>
        """
    }

    static func gridTable(_ grid: FeeGrid?, year: Int) -> HTML {
        guard let grid else { return .empty }
        let sections = MembershipCategory.allCases.map { category -> HTML in
            let rows = grid.lines(for: category).map { HTML("<tr><td>\($0.label)</td><td class=\"num\">\(Money.xpf($0.amount))</td></tr>") }
            return "<table class=\"list compact\"><caption>\(category.label)</caption><tbody>\(rows)</tbody></table>"
        }
        return "<h2>Barème \(year)</h2><div class=\"columns\">\(sections)</div>"
    }

    static func page(_ req: Request, form: JoinForm, quote: HTML, status: HTTPStatus = .ok) async throws -> Response {
        let orgID = try await req.organisationID()
        let org = try await req.organisation()
        let year = year(req)
        let grid = try await JoinQuote.schedule(req.db, organisationID: orgID, year: year)?.1
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let services = Charter.services.map { HTML("<li>\($0)</li>") }
        let body: HTML = """
        <h1>Adhérer à \(org.name)</h1>
        <div class="columns">
        <section><h2>Ce que comprend votre cotisation</h2><ul>\(services)</ul></section>
        <section>\(gridTable(grid, year: year))</section>
        </div>
        <h2>Demande d'adhésion</h2>
        <p>Le bureau étudie chaque demande. Une fois acceptée, le titulaire reçoit un accès à l'espace adhérent et l'appel de cotisation.</p>
        \(form.render(req, domains: domains, quote: quote))
        """
        return try await Layout.page(req, title: "Adhérer", status: status, body: body)
    }

    static func form(_ req: Request) async throws -> Response {
        var form = JoinForm()
        form.company.headcount = ""
        form.company.publicProfile = true
        return try await page(req, form: form, quote: .empty)
    }

    static func submit(_ req: Request) async throws -> Response {
        let org = try await req.organisation()
        let orgID = try org.requireID()
        var form = JoinForm(from: req)
        switch PublicFormGuard.check(req, form: "join") {
        case .honeypot: return req.redirect(to: Site.joinThanks.path(), flash: "Demande envoyée.")
        case .limited:
            form.errors["name"] = PublicFormGuard.limitedMessage
            return try await page(req, form: form, quote: .empty, status: .tooManyRequests)
        case .proceed: break
        }
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all().map(\.name)
        form.validate(knownDomains: domains)
        let year = year(req)
        if form.errors["ridet"] == nil, !form.company.ridet.isEmpty {
            if try await MembershipApplication.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$ridet == form.company.ridet)
                .filter(\.$status == .pending).first() != nil {
                form.errors["ridet"] = "Une demande d'adhésion est déjà en cours pour ce RIDET : l'équipe vous répondra bientôt."
            } else if let existing = try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$ridet == form.company.ridet).first(),
                      try await Membership.query(on: req.db).filter(\.$company.$id == existing.requireID()).filter(\.$year == year)
                          .filter(\.$status == .active).first() != nil {
                form.errors["ridet"] = "Cette entreprise est déjà adhérente pour \(year)."
            }
        }
        var quote: JoinQuote?
        if let category = form.categoryValue, form.errors["headcount"] == nil {
            quote = try await JoinQuote.compute(req.db, organisationID: orgID, category: category, headcount: form.company.headcountValue, today: req.now)
        }
        let box = form.errors["headcount"] == nil && form.categoryValue != nil ? quoteBox(quote, year: year) : HTML.empty
        guard form.errors.isEmpty, let category = form.categoryValue else { return try await page(req, form: form, quote: box, status: .badRequest) }
        if req.content[String.self, at: "step"] != "send" { return try await page(req, form: form, quote: box) }
        let application = try await ApplicationService.create(form: form, category: category, year: year, fee: quote?.amount ?? 0,
                                                              organisation: org, baseURL: req.application.baseURL, on: req.db)
        req.session.data["joined"] = application.id?.uuidString
        return req.redirect(to: Site.joinThanks.path(), flash: "Demande envoyée.")
    }

    static func thanks(_ req: Request) async throws -> Response {
        var summary: HTML = .empty
        if let raw = req.session.data["joined"], let id = UUID(uuidString: raw), let application = try await MembershipApplication.find(id, on: req.db) {
            summary = """
            <p>Nous avons bien reçu la demande de <strong>\(application.companyName)</strong>. Un accusé de réception a été envoyé à \(application.email).</p>
            <p>Cotisation \(application.year) indiquée : \(application.feeQuoted > 0 ? UI.xpf(application.feeQuoted) : "à préciser par l'équipe").</p>
            """
        }
        let body: HTML = """
        <section class="narrow"><h1>Merci !</h1>\(summary)
        <p>Le bureau étudie chaque demande et vous répond par e-mail.</p>
        <p><a href="\(Site.directoryIndex.path())">Découvrir l'annuaire</a> · <a href="\(Site.eventIndex.path())">Nos prochains événements</a></p></section>
        """
        return try await Layout.page(req, title: "Demande envoyée", body: body)
    }
}
