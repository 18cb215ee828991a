import Fluent
import Foundation
import GrappeDomain

/// The staff's newsletter pages, drawn without a database: the list of issues, the writing
/// form, and an issue's page (preview, then the test and send buttons or the delivery).
enum NewsletterView {
    static func list(_ issues: [Newsletter], subscribers: Int) -> HTML {
        let rows = issues.map { n in
            HTML("<tr><td><a href=\"\(Site.newsletterShow.path(n))\">\(n.subject.isEmpty ? "(sans objet)" : n.subject)</a></td><td>\(n.status.label)</td><td>\(n.sentAt.map(FrenchDate.short) ?? "—")</td><td class=\"num\">\(n.status == .sent ? String(n.recipientCount) : "—")</td></tr>")
        }
        return """
        <div class="page-head"><h1>Lettres d'information</h1><div class="actions"><a class="button primary" href="\(Site.newsletterNewForm.path())">Nouvelle lettre</a></div></div>
        <p>\(French.count(subscribers, "abonné public confirmé", "abonnés publics confirmés")). Formulaire public : <a href="\(Site.subscriptionForm.path())">/lettre</a>.</p>
        \(issues.isEmpty ? UI.emptyState("Aucune lettre pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Objet</th><th>État</th><th>Envoyée le</th><th>Destinataires</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }

    /// `groups`: the commissions and clubs one may write to, `selectedGroups` those ticked.
    static func form(action: String, form: FormState, groups: [Group], selectedGroups: [UUID], csrf: HTML) -> HTML {
        let groupBoxes = groups.map { g -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"groups[]\" value=\"\(g.id!.uuidString)\"\(HTML.flag(.checked, selectedGroups.contains(g.id!)))> \(g.name)</label>"
        }
        return """
        \(UI.breadcrumbs([("Lettres", Site.newsletterIndex.path()), ("Rédaction", nil)]))
        <h1>Rédiger une lettre</h1>
        \(form.summary)
        <form method="post" action="\(action)" class="stack">\(csrf)
        \(Input.text("subject", "Objet", form, required: true, maxLength: 150))
        \(Input.textarea("body", "Texte (Markdown : titres #, **gras**, listes, [liens](https://…))", form, maxLength: 50000))
        <fieldset class="\(form.errors["audience"] != nil ? "has-error" : "")"><legend>Destinataires</legend>
        \(Input.checkbox("members", "Tous les contacts des adhérents", checked: form["members"] == "1"))
        \(Input.checkbox("subscribers", "Les abonnés publics (inscription confirmée)", checked: form["subscribers"] == "1"))
        <p>Membres actifs de commissions ou de clubs :</p><div class="chips">\(groupBoxes)</div>
        \(form.errors["audience"].map { HTML("<p class=\"error\">\($0)</p>") })
        </fieldset>
        <button class="primary">Enregistrer et prévisualiser</button></form>
        """
    }

    /// Preview (HTML and the plain text actually sent), audience size, test, send, progress.
    static func page(_ page: NewsletterPage, csrf: HTML) -> HTML {
        let n = page.newsletter
        return """
        \(UI.breadcrumbs([("Lettres", Site.newsletterIndex.path()), (n.subject, nil)]))
        <h1>\(n.subject) \(UI.badge(n.status.label, n.status == .draft ? "warn" : "ok"))</h1>
        <p>Destinataires : \(page.audience).</p>
        \(actions(page, csrf: csrf))
        <div class="columns"><section><h2>Aperçu</h2><div class="prose letter">\(HTML.markdown(n.body))</div></section>
        <section><h2>Texte envoyé</h2><pre class="mail">\(Markdown.plainText(n.body))</pre></section></div>
        """
    }

    /// A draft's buttons, or a sent issue's delivery.
    static func actions(_ page: NewsletterPage, csrf: HTML) -> HTML {
        let n = page.newsletter
        switch page.delivery {
        case .draft(let count):
            return """
            <div class="actions"><a class="button" href="\(Site.newsletterEditForm.path(n))">Modifier</a>
            \(UI.postButton(csrf: csrf, action: Site.newsletterTest.path(n), label: "M'envoyer un test"))
            \(UI.postButton(csrf: csrf, action: Site.newsletterSend.path(n), label: "Envoyer à \(French.count(count, "destinataire", "destinataires"))", style: "primary", confirm: "Envoyer la lettre à \(French.count(count, "destinataire", "destinataires")) ?"))</div>
            """
        case .sent(let sent, let pending, let failed):
            let total = max(1, sent + pending + failed)
            return """
            <section class="panel" aria-live="polite"><h2>Distribution</h2>
            <progress max="\(total)" value="\(sent + failed)">\(100 * (sent + failed) / total) %</progress>
            <p>\(French.count(sent, "envoyé", "envoyés")), \(pending) en attente, \(failed) en échec sur \(French.count(n.recipientCount, "destinataire", "destinataires")).
            \(failed > 0 ? HTML("<a href=\"\(Site.outboxIndex.path())\">Voir les échecs</a>") : .empty)</p></section>
            """
        }
    }

    /// While messages wait in the outbox, the page reloads every ten seconds.
    static func head(_ page: NewsletterPage) -> HTML {
        page.isSending ? "<meta http-equiv=\"refresh\" content=\"10\">" : .empty
    }
}
