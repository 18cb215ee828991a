import Fluent
import Foundation
import GrappeDomain

/// The accounts page, drawn without a database: the form inviting a staff or board account and
/// every login with its tools. `me` is the reader's own account (they cannot deactivate it);
/// `csrf` is the page's token field.
enum AccountsView {
    static func page(_ page: AccountsPage, form: FormState, me: UUID?, csrf: HTML) -> HTML {
        let rows = page.users.map { u -> HTML in
            let id = u.id!.uuidString
            let toggle: HTML = u.id == me ? "vous" : UI.postButton(csrf: csrf, action: (u.active ? Site.accountsDeactivate : Site.accountsReactivate).path(id),
                                                                  label: u.active ? "Désactiver" : "Réactiver", style: u.active ? "danger" : "secondary")
            return """
            <tr><td>\(u.displayName)</td><td>\(u.email)</td><td>\(u.role.label)</td>
            <td>\(u.$person.id.flatMap { page.companies[$0] } ?? "—")</td>
            <td>\(u.lastLoginAt.map(FrenchDate.dateTime) ?? "jamais")</td>
            <td>\(u.active ? UI.badge("actif", "ok") : UI.badge("désactivé", "warn"))</td>
            <td>\(toggle) \(u.active ? UI.postButton(csrf: csrf, action: Site.accountsSendLink.path(id), label: "Envoyer un lien") : .empty)</td></tr>
            """
        }
        return """
        <h1>Comptes</h1>
        <p>Les contacts des adhérents reçoivent leur accès depuis la fiche de leur entreprise (« Créer un accès »).</p>
        \(form.summary)
        <form method="post" action="\(Site.accountsCreate.path())" class="inline-form">\(csrf)
        \(Input.text("displayName", "Nom", form, required: true, maxLength: 80))
        \(Input.text("email", "E-mail", form, type: "email", required: true, maxLength: 254))
        \(Input.select("role", "Rôle", form, options: [(Role.board.rawValue, Role.board.label), (Role.staff.rawValue, Role.staff.label)]))
        <button class="primary">Créer et inviter</button></form>
        <table class="list"><caption>\(French.count(page.users.count, "compte", "comptes"))</caption>
        <thead><tr><th>Nom</th><th>E-mail</th><th>Rôle</th><th>Entreprise</th><th>Dernière connexion</th><th>État</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }
}
