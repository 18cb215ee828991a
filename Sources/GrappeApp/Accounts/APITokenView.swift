import Fluent
import Foundation
import GrappeDomain

/// The API tokens page, drawn without a database: the reader's tokens, the one just created
/// (shown once), the form and an example call against `baseURL`. `csrf` is the page's token field.
enum APITokenView {
    static func page(_ tokens: [APIToken], created: String?, form: FormState, baseURL: String, csrf: HTML) -> HTML {
        let rows = tokens.map { t -> HTML in
            """
            <tr><td>\(t.name)</td><td><code>\(t.prefix)…</code></td><td>\(t.createdAt.map(FrenchDate.short) ?? "")</td>
            <td>\(t.lastUsedAt.map(FrenchDate.dateTime) ?? "jamais")</td>
            <td>\(t.revokedAt.map { "révoqué le \(FrenchDate.short($0))" as HTML } ?? UI.postButton(csrf: csrf, action: Site.apiTokenRevoke.path(t.id!), label: "Révoquer", style: "danger", confirm: "Révoquer ce jeton ?"))</td></tr>
            """
        }
        return """
        <h1>Jetons d'API</h1>
        <p>Un jeton donne accès à l'API JSON (<code>/api/v1</code>) avec vos droits. Il n'est affiché qu'une fois : conservez-le en lieu sûr.</p>
        \(created.map { HTML("<div class=\"flash flash-success\" role=\"status\"><p>Nouveau jeton (copiez-le maintenant) :</p><p><code class=\"token\">\($0)</code></p></div>") })
        \(form.summary)
        <form method="post" action="\(Site.apiTokenCreate.path())" class="inline-form">\(csrf)
        \(Input.text("name", "Nom du jeton (usage)", form, required: true, maxLength: 80))
        <button class="primary">Créer un jeton</button></form>
        \(tokens.isEmpty ? UI.emptyState("Aucun jeton.") : "<table class=\"list\"><thead><tr><th>Nom</th><th>Début</th><th>Créé</th><th>Dernier usage</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        <h2>Exemple</h2>
        <pre>curl -H "Authorization: Bearer VOTRE_JETON" \(baseURL)/api/v1/members?year=2025</pre>
        """
    }
}
