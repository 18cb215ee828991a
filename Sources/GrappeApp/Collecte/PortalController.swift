import Fluent
import GrappeDomain
import Vapor

/// The refurbishers' and charities' own pages: only what was assigned or allocated to them.
enum PortalController {
    static func refurbisher(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let companies = Array(req.viewer.companyIDs)
        guard !companies.isEmpty else { throw Abort(.forbidden) }
        let filter = ItemFilter(from: req)
        let (items, pages) = try await ItemFilter.page(req, filter: filter) { $0.filter(\.$refurbisher.$id ~~ companies) }
        let body: HTML = """
        <h1>Matériels à reconditionner</h1>
        <p>Les matériels de la Grande Collecte confiés à votre entreprise : enregistrez l'effacement de chaque support, le reconditionnement et le classement.</p>
        \(ItemFilter.form(filter, action: Site.portalRefurbisher.path()))
        \(ItemFilter.table(items))
        \(pages.links(path: Site.portalRefurbisher.path(), params: filter.params))
        """
        return try await Layout.page(req, title: "Reconditionnement", body: body)
    }

    static func charity(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .charity, let charityID = req.viewer.charityID, let charity = try await Charity.find(charityID, on: req.db) else { throw Abort(.forbidden) }
        let items = try await CollectItem.query(on: req.db).filter(\.$charity.$id == charityID).filter(\.$state ~~ [.allocated, .handedOver])
            .with(\.$pledge).sort(\.$state).sort(\.$tag).all()
        let rows = items.map { i -> HTML in
            let action: HTML = i.state == .allocated
                ? "<form method=\"post\" action=\"\(Site.itemMove.path(i.id!))\" class=\"inline\">\(CSRF.hiddenField(req))<input type=\"hidden\" name=\"state\" value=\"handed_over\"><button class=\"primary\">Confirmer la remise</button></form>"
                : "Remis le \(i.handedOverAt.map(FrenchDate.short) ?? "—")"
            return "<tr><td>\(i.tag)</td><td>\(i.deviceType.label)</td><td>\([i.brand, i.model].joined(separator: " "))</td><td>\(i.serial)</td><td>\(i.grade ?? "—")</td><td>\(action)</td></tr>"
        }
        let body: HTML = """
        <h1>Matériel attribué à \(charity.name)</h1>
        <p>Confirmez chaque remise quand le matériel est entre les mains de votre association.</p>
        \(items.isEmpty ? UI.emptyState("Aucun matériel ne vous est attribué pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>Grade</th><th></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return try await Layout.page(req, title: "Matériel attribué", body: body)
    }
}
