import Foundation
import GrappeDomain

/// The calendar settings page, drawn without a request: the reader's secret feed, the public
/// events' feed and each commission's feed, as absolute addresses to paste in a calendar app.
enum CalendarView {
    /// `baseURL`: the site's address, without a trailing slash; `token`: the reader's feed secret.
    static func settings(baseURL base: String, token: String, commissions: [Group], csrf: HTML) -> HTML {
        let rows = commissions.map { "<li>\($0.name) : <code>\(base)\(Site.calendarGroup.path("\($0.slug).ics"))</code></li>" as HTML }
        return """
        <h1>Agenda</h1>
        <p>Abonnez votre application de calendrier (Outlook, Google Agenda, Calendrier d'Apple, Thunderbird) à ces adresses.</p>
        <h2>Mon agenda personnel</h2>
        <p>Les réunions des groupes dont vous êtes membre et les événements auxquels vous êtes inscrit(e). Ce lien est personnel : ne le partagez pas.</p>
        <p><code class="token">\(base)\(Site.calendarPersonal.path("\(token).ics"))</code></p>
        \(UI.postButton(csrf: csrf, action: Site.calendarReset.path(), label: "Changer de lien (l'ancien cessera de fonctionner)", confirm: "Changer de lien ?"))
        <h2>Événements publics</h2>
        <p><code>\(base)\(Site.calendarPublicEvents.path())</code></p>
        <h2>Commissions</h2>
        \(rows.isEmpty ? UI.emptyState("Aucune commission.") : "<ul>\(rows)</ul>")
        """
    }
}
