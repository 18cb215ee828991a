import Fluent
import GrappeDomain
import Vapor

/// The public join page: what membership gives, the fee grid, the form with a fee quote before
/// sending, and the confirmation (`JoinPage` read, `JoinView` drawn).
enum JoinController {
    /// Applications are for the current calendar year, priced from its fee schedule.
    static func year(_ req: Request) -> Int { FrenchDate.year(of: req.now) }

    static func page(_ req: Request, form: JoinForm, quote: JoinView.Quote, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await JoinPage.load(req.db, organisationID: try await req.organisationID(), organisationName: try await req.organisation().name,
                                           year: year(req))
        return try await Layout.page(req, title: "Adhérer", status: status, body: JoinView.page(page, form: form, quote: quote, csrf: CSRF.hiddenField(req)))
    }

    static func form(_ req: Request) async throws -> Response {
        var form = JoinForm()
        form.company.headcount = ""
        form.company.publicProfile = true
        return try await page(req, form: form, quote: .hidden)
    }

    static func submit(_ req: Request) async throws -> Response {
        let org = try await req.organisation()
        let orgID = try org.requireID()
        var form = JoinForm(from: req)
        switch PublicFormGuard.check(req, form: "join") {
        case .honeypot: return req.redirect(to: Site.joinThanks.path(), flash: "Demande envoyée.")
        case .limited:
            form.errors["name"] = PublicFormGuard.limitedMessage
            return try await page(req, form: form, quote: .hidden, status: .tooManyRequests)
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
        let box: JoinView.Quote = form.errors["headcount"] == nil && form.categoryValue != nil ? quote.map { JoinView.Quote.amount($0) } ?? .unpublished : .hidden
        guard form.errors.isEmpty, let category = form.categoryValue else { return try await page(req, form: form, quote: box, status: .badRequest) }
        if req.content[String.self, at: "step"] != "send" { return try await page(req, form: form, quote: box) }
        let application = try await ApplicationService.create(form: form, category: category, year: year, fee: quote?.amount ?? 0,
                                                              organisation: org, baseURL: req.application.baseURL, on: req.db)
        req.session.data["joined"] = application.id?.uuidString
        return req.redirect(to: Site.joinThanks.path(), flash: "Demande envoyée.")
    }

    static func thanks(_ req: Request) async throws -> Response {
        var application: MembershipApplication?
        if let raw = req.session.data["joined"], let id = UUID(uuidString: raw) {
            application = try await MembershipApplication.find(id, on: req.db)
        }
        let body = JoinView.thanks(application)
        return try await Layout.page(req, title: "Demande envoyée", body: body)
    }
}
