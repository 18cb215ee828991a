import Foundation
import GrappeDomain

/// The staff and board home, from its `DashboardPage`.
enum DashboardView {
    static func render(_ page: DashboardPage) -> HTML {
        let year = page.year
        let eventRows = page.events.map { e -> HTML in
            "<li><a href=\"\(Site.eventShow.path(e))\">\(FrenchDate.long(e.startsAt))</a> — \(e.title)\(e.status == .standby ? " (en attente)" : "")</li>"
        }
        let endingRows = page.endingMandates.map { m -> HTML in
            "<li>\(m.holderLabel.isEmpty ? m.person.fullName : m.holderLabel) — \(m.role.label), \(m.group.name) : fin le \(FrenchDate.long(m.endsOn))</li>"
        }
        let meetingRows = page.meetings.map { m -> HTML in
            "<li><a href=\"\(Site.meetingShow.path(m))\">\(FrenchDate.long(m.startsAt))</a> — \(m.group?.name ?? m.institution)</li>"
        }
        let unpaidRows = page.oldestUnpaid.map { d -> HTML in
            "<li><a href=\"\(Site.dueShow.path(d.id))\">\(d.number)</a> — \(d.companyName) : \(Money.xpf(d.balance)) (échéance \(FrenchDate.short(d.dueOn)))</li>"
        }
        let dues = page.dues
        return """
        <h1>Tableau de bord \(year)</h1>
        \(attention(page.attention))
        <ul class="stats">
        <li><span>Adhérents actifs</span><strong><a href="\(Site.memberListIndex.path())?annee=\(year)&statut=active">\(page.activeMembers)</a></strong></li>
        <li><span>Cotisations reçues</span><strong>\(Money.xpf(dues.received))</strong><small>sur \(Money.xpf(dues.expected)) attendus (\(page.receivedShare) %)</small></li>
        <li><span>Cotisations impayées</span><strong><a href="\(Site.duesDashboardIndex.path())?annee=\(year)&etat=unpaid">\(dues.count - dues.paidCount)</a></strong></li>
        <li><span>Courriels en échec</span><strong><a href="\(Site.outboxIndex.path())?etat=failed">\(page.failedMails)</a></strong></li>
        </ul>
        \(page.pendingCall > 0 ? HTML("<p class=\"flash flash-info\">\(French.count(page.pendingCall, "adhésion active", "adhésions actives")) \(year) sans cotisation : <a href=\"\(Site.duesDashboardIndex.path())?annee=\(year)\">lancer l'appel</a>.</p>") : .empty)
        <h2>Mandats arrivant à échéance (90 jours)</h2>
        \(page.endingMandates.isEmpty ? UI.emptyState("Aucun mandat ne s'achève dans les 90 jours.") : "<ul>\(endingRows)</ul><p><a href=\"\(Site.governanceIndex.path())\">Gouvernance</a></p>")
        <h2>Prochaines réunions</h2>
        \(page.meetings.isEmpty ? UI.emptyState("Aucune réunion planifiée.") : "<ul>\(meetingRows)</ul>")
        <h2>Prochains événements</h2>
        \(page.events.isEmpty ? UI.emptyState("Aucun événement à venir.", action: "<a href=\"\(Site.eventNewForm.path())\">Créer un événement</a>") : "<ul>\(eventRows)</ul>")
        <h2>Rapport annuel \(year)</h2>
        <p>\(page.reportFrozenAt.map { "Publié le \(FrenchDate.long($0))." } ?? "Pas encore figé : il suit les données.") <a href="\(Site.reportShow.path(year))">Préparer le rapport \(year)</a> · <a href="\(Site.reportPreview.path(year))">Voir le rapport</a></p>
        <h2>Impayés les plus anciens</h2>
        \(page.oldestUnpaid.isEmpty ? UI.emptyState("Aucun impayé.") : "<ul>\(unpaidRows)</ul><p><a href=\"\(Site.reminderIndex.path())\">Préparer les relances</a></p>")
        """
    }

    /// The panel of what waits for a decision, each line linking to where it is handled.
    static func attention(_ items: [AttentionItem]) -> HTML {
        guard !items.isEmpty else { return "<section class=\"panel\"><h2>À traiter</h2><p>Rien n'attend de décision.</p></section>" }
        let lines = items.map { HTML("<li><a href=\"\($0.path)\"><strong>\($0.count)</strong> \($0.label)</a></li>") }
        return "<section class=\"panel\"><h2>À traiter</h2><ul>\(lines)</ul></section>"
    }
}
