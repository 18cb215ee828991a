import Fluent
import Foundation
import GrappeDomain

/// The charities' list, drawn without a database: each with the logins of its people (`logins`,
/// the charity accounts) and, for staff, the form to add one.
enum CharityView {
    static func index(_ charities: [Charity], logins: [User], staff: Bool, csrf: HTML) -> HTML {
        let rows = charities.map { c -> HTML in
            let people = logins.filter { $0.$charity.id == c.id }.map(\.email).joined(separator: ", ")
            return "<tr><td>\(c.name)</td><td>\(c.commune)</td><td>\(c.email)</td><td>\(people.nonEmpty ?? "—")</td></tr>"
        }
        let form: HTML = staff ? """
            <h2>Ajouter une association</h2>
            <form method="post" action="\(Site.charityCreate.path())" class="inline-form">\(csrf)
            \(Input.text("name", "Nom", FormState(), required: true, maxLength: 150))
            \(Input.select("commune", "Commune", FormState(), options: Communes.inFrenchOrder.map { ($0, $0) }, required: true, blank: "—"))
            \(Input.text("email", "E-mail de la personne qui recevra un accès", FormState(), type: "email", required: true, maxLength: 254))
            <button class="primary">Ajouter et inviter</button></form>
            """ : .empty
        return """
        \(UI.breadcrumbs([("Grande Collecte", Site.collecteIndex.path()), ("Associations", nil)]))
        <h1>Associations bénéficiaires</h1>
        \(charities.isEmpty ? UI.emptyState("Aucune association.") : HTML("<table class=\"list\"><thead><tr><th>Association</th><th>Commune</th><th>E-mail</th><th>Accès</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(form)
        """
    }
}
