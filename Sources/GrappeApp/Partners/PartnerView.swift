import Fluent
import Foundation
import GrappeDomain

/// The partners of a year, drawn without a database: grouped by kind, with the links to the
/// other `years`; `staff` see the amounts, the remove buttons and the form to add one.
enum PartnerView {
    static func index(year: Int, years: [Int], partners: [Partner], staff: Bool, csrf: HTML) -> HTML {
        let grouped = Dictionary(grouping: partners, by: \.kind)
        let sections = Partner.Kind.allCases.compactMap { kind -> HTML? in
            guard let list = grouped[kind] else { return nil }
            let items = list.map { p -> HTML in
                let amount: HTML = staff ? " · \(p.amount.map { Money.xpf($0) } ?? "montant non renseigné")" as HTML : .empty
                let remove: HTML = staff ? UI.postButton(csrf: csrf, action: Site.partnerDelete.path(p.id!), label: "Retirer", style: "link", confirm: "Retirer ce partenaire ?") : .empty
                return "<li>\(badge(p))\(amount) \(remove)</li>"
            }
            return "<section><h2>\(kind.label)s</h2><ul class=\"partners\">\(items)</ul></section>"
        }
        let yearLinks = years.map { y -> HTML in y == year ? "<strong>\(y)</strong>" : "<a href=\"\(Site.partnerIndex.path())?annee=\(y)\">\(y)</a>" }
        let form: HTML = staff ? """
            <details class="panel"><summary>Ajouter un partenaire pour \(year)</summary>
            <form method="post" action="\(Site.partnerCreate.path())" class="inline-form">\(csrf)<input type="hidden" name="year" value="\(year)">
            \(Input.text("name", "Organisation", FormState(), required: true, maxLength: 150))
            \(Input.select("kind", "Nature", FormState(), options: Partner.Kind.allCases.map { ($0.rawValue, $0.label) }))
            \(Input.text("amount", "Montant (XPF, visible de l'équipe seulement)", FormState()))
            \(Input.text("website", "Site", FormState(), type: "url", maxLength: 300))
            \(Input.text("logoURL", "Adresse du logo", FormState(), type: "url", maxLength: 300))
            <button class="primary">Ajouter</button></form></details>
            """ : .empty
        return """
        <h1>Nos partenaires \(year)</h1>
        \(years.count > 1 ? HTML("<p>Autres années : \(yearLinks.joined(separator: " · "))</p>") : .empty)
        \(sections.isEmpty ? UI.emptyState("Aucun partenaire enregistré pour \(year).") : HTML("<div class=\"columns\">\(sections)</div>"))
        \(form)
        """
    }

    /// A partner's logo (when it has one) and name, linked to its site (when it has one).
    static func badge(_ p: Partner) -> HTML {
        let logo: HTML = FieldCheck.isWebURL(p.logoURL) ? "<img src=\"\(p.logoURL)\" alt=\"\" loading=\"lazy\" height=\"48\"> " : .empty
        let name: HTML = FieldCheck.isWebURL(p.website) ? "<a href=\"\(p.website)\" rel=\"noopener\">\(p.name)</a>" : "\(p.name)"
        return "\(logo)\(name)"
    }
}
