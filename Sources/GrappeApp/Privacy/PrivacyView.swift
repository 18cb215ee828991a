import Fluent
import Foundation
import GrappeDomain

/// The personal data pages, drawn without a database: a person's own (`PrivacyPage`) and the
/// staff's queue of requests. `csrf` is the page's token field; `now` dates a request not yet
/// stamped.
enum PrivacyView {
    static func mine(_ page: PrivacyPage, now: Date, csrf: HTML) -> HTML {
        let rows = page.consents.map { c in
            HTML("<tr><td>\(c.purposeLabel)</td><td>\(c.wording)</td><td>\(FrenchDate.dateTime(c.givenAt))</td><td>\(c.withdrawnAt.map(FrenchDate.dateTime) ?? "—")</td></tr>")
        }
        let erasure: HTML = page.pendingErasure.map { pending -> HTML in
            "<p class=\"flash flash-info\">Votre demande d'effacement du \(FrenchDate.long(pending.createdAt ?? now)) est en cours de traitement.</p>"
        } ?? """
              <form method="post" action="\(Site.privacyRequestErasure.path())" class="stack" data-confirm="Demander l'effacement de vos données ? Votre accès sera fermé.">\(csrf)
              \(Input.textarea("message", "Précisions (facultatif)", FormState(), maxLength: 1000))
              <button class="danger">Demander l'effacement de mes données</button></form>
              """
        return """
        <h1>Mes données personnelles</h1>
        <p>Vous pouvez télécharger tout ce que \(page.organisationName) conserve à votre sujet, et demander son effacement.</p>
        <p><a class="button primary" href="\(Site.privacyDownload.path())">Télécharger mes données (JSON)</a></p>
        <h2>Mes consentements</h2>
        \(page.consents.isEmpty ? UI.emptyState("Aucun consentement enregistré pour \(page.email).") : HTML("<table class=\"list\"><thead><tr><th>Objet</th><th>Texte accepté</th><th>Donné le</th><th>Retiré le</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>Effacement</h2>
        <p>L'équipe efface vos données personnelles dans un délai d'un mois. Les informations que la loi nous oblige à garder (factures de cotisation) restent attachées à l'entreprise, pas à vous.</p>
        \(erasure)
        """
    }

    /// The requests, their user loaded; the pending ones with the erase and refuse forms.
    static func queue(_ requests: [DataRequest], now: Date, csrf: HTML) -> HTML {
        let rows = requests.map { r -> HTML in
            let actions: HTML = r.status == .pending ? """
                \(UI.postButton(csrf: csrf, action: Site.privacyErase.path(r.id!), label: "Effacer les données", style: "danger", confirm: "Effacer définitivement les données de \(r.email) ?"))
                <form method="post" action="\(Site.privacyReject.path(r.id!))" class="inline">\(csrf)
                <label class="visually-hidden" for="n-\(r.id!.uuidString)">Motif</label><input id="n-\(r.id!.uuidString)" name="note" required maxlength="500" placeholder="Motif du refus">
                <button class="secondary">Refuser</button></form>
                """ : HTML("\(r.decisionNote)")
            return "<tr><td>\(FrenchDate.short(r.createdAt ?? now))</td><td>\(r.user?.displayName ?? "—")<br><small>\(r.email)</small></td><td class=\"pre\">\(r.message)</td><td>\(r.status.label)</td><td>\(actions)</td></tr>"
        }
        return """
        <h1>Données personnelles : demandes</h1>
        <p>L'effacement anonymise la personne et son compte, efface ses inscriptions, abonnements, consentements et candidatures (fichiers compris).</p>
        \(requests.isEmpty ? UI.emptyState("Aucune demande.") : HTML("<table class=\"list\"><thead><tr><th>Reçue</th><th>Personne</th><th>Message</th><th>État</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }
}
