import Fluent
import Foundation
import GrappeDomain

/// The refurbishers' and charities' own pages, drawn without a database: only what was
/// assigned or allocated to them.
enum PortalView {
    /// The items assigned to the reader's company, with their pledge, refurbisher and charity.
    static func refurbisher(_ items: [CollectItem], pages: Pagination, filter: ItemFilter) -> HTML {
        """
        <h1>Matériels à reconditionner</h1>
        <p>Les matériels de la Grande Collecte confiés à votre entreprise : enregistrez l'effacement de chaque support, le reconditionnement et le classement.</p>
        \(ItemView.filters(filter, action: Site.portalRefurbisher.path()))
        \(ItemView.table(items))
        \(pages.links(path: Site.portalRefurbisher.path(), params: filter.params))
        """
    }

    /// The items allocated to `charity`, each to confirm once handed over.
    static func charity(_ charity: Charity, items: [CollectItem], csrf: HTML) -> HTML {
        let rows = items.map { i -> HTML in
            let action: HTML = i.state == .allocated
                ? "<form method=\"post\" action=\"\(Site.itemMove.path(i.id!))\" class=\"inline\">\(csrf)<input type=\"hidden\" name=\"state\" value=\"handed_over\"><button class=\"primary\">Confirmer la remise</button></form>"
                : "Remis le \(i.handedOverAt.map(FrenchDate.short) ?? "—")"
            return "<tr><td>\(i.tag)</td><td>\(i.deviceType.label)</td><td>\([i.brand, i.model].joined(separator: " "))</td><td>\(i.serial)</td><td>\(i.grade ?? "—")</td><td>\(action)</td></tr>"
        }
        return """
        <h1>Matériel attribué à \(charity.name)</h1>
        <p>Confirmez chaque remise quand le matériel est entre les mains de votre association.</p>
        \(items.isEmpty ? UI.emptyState("Aucun matériel ne vous est attribué pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>Grade</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }
}
