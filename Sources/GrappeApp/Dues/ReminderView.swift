import Foundation
import GrappeDomain

/// The reminders page, drawn without a database: the unpaid dues with their delay, none
/// ticked until the staff chooses, then the preview of what will be sent (`csrf` is the page's
/// token field).
enum ReminderView {
    /// `year`: the year filtered on, if any.
    static func list(_ dues: [DueSummary], year: Int?, now: Date, csrf: HTML) -> HTML {
        let rows = dues.map { d -> HTML in
            let days = FrenchDate.days(from: d.dueOn, to: now)
            return """
            <tr><td><input type="checkbox" name="dues[]" value="\(d.id.uuidString)" aria-label="Relancer \(d.number)"></td>
            <td><a href="\(Site.dueShow.path(d.id))">\(d.number)</a></td><td>\(d.companyName)</td><td class="num">\(Money.xpf(d.balance))</td>
            <td>\(FrenchDate.short(d.dueOn))</td><td class="num">\(days > 0 ? "\(days) j" : "à échoir")</td>
            <td>\(d.reminderCount)\(d.lastRemindedAt.map { " (\(FrenchDate.short($0)))" } ?? "")</td></tr>
            """
        }
        let form: HTML = """
        <form method="post" action="\(Site.reminderSend.path())">\(csrf)
        <table class="list"><caption>\(French.count(dues.count, "cotisation impayée", "cotisations impayées"))</caption>
        <thead><tr><th><span class="visually-hidden">Choisir</span></th><th>Numéro</th><th>Entreprise</th><th class="num">Reste dû</th><th>Échéance</th><th class="num">Retard</th><th>Relances</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <button class="primary">Voir le message avant l'envoi</button>
        </form>
        """
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Relances", nil)]))
        <h1>Relances\(year.map { " \($0)" } ?? "")</h1>
        \(dues.isEmpty ? UI.emptyState("Aucune cotisation impayée.") : form)
        """
    }

    /// The message as it will be sent, for the first due as an example, the recipients, and the
    /// confirmation naming the count; the dues travel on as hidden fields.
    static func preview(_ batch: ReminderBatch, csrf: HTML) -> HTML {
        let skipped: HTML = batch.skipped > 0
            ? "<p>\(French.count(batch.skipped, "cotisation cochée ne sera pas relancée", "cotisations cochées ne seront pas relancées")) (réglée entre-temps ou sans adresse électronique).</p>"
            : ""
        guard let example = batch.entries.first else {
            return """
            \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Relances", Site.reminderIndex.path()), ("Aperçu", nil)]))
            <h1>Aperçu des relances</h1>
            \(skipped)\(UI.emptyState("Aucune relance à envoyer."))
            """
        }
        let rows = batch.entries.map { e -> HTML in
            "<tr><td>\(e.due.number)</td><td>\(e.due.company.name)</td><td>\(e.address)</td><td class=\"num\">\(Money.xpf(e.balance))</td></tr>"
        }
        let hidden = batch.entries.map { e -> HTML in "<input type=\"hidden\" name=\"dues[]\" value=\"\(e.due.id!.uuidString)\">" }
        let count = batch.entries.count
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Relances", Site.reminderIndex.path()), ("Aperçu", nil)]))
        <h1>Aperçu des relances</h1>
        <section class="panel"><h2>Le message, tel qu'il part (exemple : \(example.due.number))</h2>
        <dl class="facts"><dt>À</dt><dd>\(example.address)</dd><dt>Objet</dt><dd>\(example.text.subject)</dd></dl>
        <pre class="mail">\(example.text.body)</pre>
        <p>Chaque destinataire reçoit ce message avec son entreprise, son numéro, son reste dû et son échéance.</p></section>
        \(skipped)
        <table class="list"><caption>\(French.count(count, "destinataire", "destinataires"))</caption>
        <thead><tr><th>Numéro</th><th>Entreprise</th><th>Adresse</th><th class="num">Reste dû</th></tr></thead><tbody>\(rows)</tbody></table>
        <form method="post" action="\(Site.reminderSend.path())">\(csrf)\(hidden)<input type="hidden" name="confirme" value="1">
        <button class="primary">Envoyer \(French.count(count, "relance", "relances"))</button>
        <a class="button" href="\(Site.reminderIndex.path())">Revenir à la liste</a></form>
        """
    }
}
