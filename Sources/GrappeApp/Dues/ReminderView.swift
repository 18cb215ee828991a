import Foundation
import GrappeDomain

/// The reminders page, drawn without a database: the unpaid dues with their delay, the
/// overdue ones ticked (`csrf` is the page's token field).
enum ReminderView {
    /// `year`: the year filtered on, if any.
    static func list(_ dues: [DueSummary], year: Int?, now: Date, csrf: HTML) -> HTML {
        let rows = dues.map { d -> HTML in
            let days = FrenchDate.days(from: d.dueOn, to: now)
            return """
            <tr><td><input type="checkbox" name="dues[]" value="\(d.id.uuidString)" aria-label="Relancer \(d.number)"\(HTML.flag(.checked, days > 0))></td>
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
        <button class="primary">Envoyer une relance aux cotisations cochées</button>
        </form>
        """
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Relances", nil)]))
        <h1>Relances\(year.map { " \($0)" } ?? "")</h1>
        \(dues.isEmpty ? UI.emptyState("Aucune cotisation impayée.") : form)
        """
    }
}
