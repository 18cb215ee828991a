import Fluent
import GrappeDomain
import Vapor

/// The Grande Collecte: campaigns per year and a campaign's figures, pledges and items
/// (`CampaignPage` read, `CollecteView` drawn).
enum CollecteController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let campaigns = try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$year, .descending).all()
        if !req.viewer.readsEverything {
            return try await publicPage(req, campaign: campaigns.first)
        }
        let body = CollecteView.index(campaigns, staff: req.viewer.isStaff, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Grande Collecte", body: body)
    }

    /// What the public sees: the aims, the figures of the latest campaign and how to give.
    static func publicPage(_ req: Request, campaign: CollectCampaign?) async throws -> Response {
        var latest: (campaign: CollectCampaign, figures: CollectFigures)?
        if let campaign { latest = (campaign, try await CollectQueries.figures(req.db, campaignID: campaign.requireID())) }
        return try await Layout.page(req, title: "Grande Collecte", body: CollecteView.publicPage(latest: latest))
    }

    static func create(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = Int(req.content[String.self, at: "year"] ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        let goal = Int(req.content[String.self, at: "goal"] ?? "").flatMap { $0 > 0 && $0 < 1_000_000 ? $0 : nil }
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        let start = FrenchDate.parse(req.content[String.self, at: "startsOn"] ?? ""), end = FrenchDate.parse(req.content[String.self, at: "endsOn"] ?? "")
        guard let year, let goal, !name.isEmpty, name.count <= 150, let start, let end, end >= start else {
            return req.redirect(to: Site.collecteIndex.path(), flash: "Campagne incomplète : année, nom, objectif positif et période valide.", .error)
        }
        if try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).first() != nil {
            return req.redirect(to: Site.collecteIndex.path(), flash: "Une campagne existe déjà pour \(year).", .error)
        }
        let c = CollectCampaign()
        c.$organisation.id = orgID; c.year = year; c.name = name; c.goalItems = goal; c.startsOn = start; c.endsOn = end
        c.aims = String(FieldCheck.trimmed(req.content[String.self, at: "aims"]).prefix(2000))
        try await c.create(on: req.db)
        return req.redirect(to: Site.collecteShow.path(year), flash: "Campagne \(year) créée.")
    }

    static func campaign(_ req: Request) async throws -> CollectCampaign {
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let c = try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID())).filter(\.$year == year).first()
        else { throw Abort(.notFound) }
        return c
    }

    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let c = try await campaign(req)
        let page = try await CampaignPage.load(req.db, campaign: c, filter: ItemFilter(from: req), page: Pagination.requestedPage(req), staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "\(c.name) \(c.year)", body: CollecteView.campaign(page))
    }
}
