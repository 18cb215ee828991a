import Fluent
import GrappeDomain
import Vapor

/// `/`: the public welcome page, or the right home for a logged-in account.
enum HomeController {
    static func index(_ req: Request) async throws -> Response {
        switch req.viewer.role {
        case .staff?, .board?: return req.redirect(to: Site.homeDashboard.path())
        case .member?: return req.redirect(to: Site.memberMine.path())
        case .charity?: return req.redirect(to: Site.portalCharity.path())
        case nil: break
        }
        return try await PublicHome.render(req)
    }

    /// The staff and board home: this year's dues at a glance and what needs attention.
    static func dashboard(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let year = try await MemberQueries.defaultYear(req.db, now: req.now)
        let totals = try await DueQueries.totals(req.db, organisationID: orgID, year: year)
        let all = DuesTotals.sum(totals.values)
        let members = try await MemberQueries.count(req.db, filter: { var f = MemberFilter(year: year); f.status = .active; return f }(), organisationID: orgID)
        let unpaid = try await DueQueries.list(req.db, organisationID: orgID, year: nil, state: .unpaid, limit: 5, order: "d.due_on ASC, d.sequence ASC")
        let failed = try await OutboxMessage.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .failed).count()
        let pendingCall = try await DueQueries.pendingMemberships(req.db, organisationID: orgID, year: year)
        let ending = try await MandateQueries.endingSoon(req.db, organisationID: orgID, now: req.now)
        let upcoming = try await Meeting.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .planned)
            .filter(\.$startsAt >= req.now).sort(\.$startsAt).limit(5).with(\.$group).all()
        let events = try await ClusterEvent.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status ~~ [.planned, .standby])
            .filter(\.$startsAt >= req.now).sort(\.$startsAt).limit(5).all()
        let eventRows = events.map { e -> HTML in
            "<li><a href=\"\(Site.eventShow.path(e.id!))\">\(FrenchDate.long(e.startsAt))</a> — \(e.title)\(e.status == .standby ? " (en attente)" : "")</li>"
        }
        let endingRows = ending.map { m -> HTML in
            "<li>\(m.holderLabel.isEmpty ? m.person.fullName : m.holderLabel) — \(m.role.label), \(m.group.name) : fin le \(FrenchDate.long(m.endsOn))</li>"
        }
        let upcomingRows = upcoming.map { m -> HTML in
            "<li><a href=\"\(Site.meetingShow.path(m.id!))\">\(FrenchDate.long(m.startsAt))</a> — \(m.group?.name ?? m.institution)</li>"
        }
        let unpaidRows = unpaid.map { d -> HTML in
            "<li><a href=\"\(Site.dueShow.path(d.id))\">\(d.number)</a> — \(d.companyName) : \(Money.xpf(d.balance)) (échéance \(FrenchDate.short(d.dueOn)))</li>"
        }
        let share = all.expected > 0 ? Int((Double(all.received) / Double(all.expected) * 100).rounded()) : 0
        let attention = try await AttentionQueries.items(req.db, organisationID: orgID, staff: req.viewer.isStaff, now: req.now)
        let frozenAt = try await ReportService.frozenAt(req.db, organisationID: orgID, year: year)
        let body: HTML = """
        <h1>Tableau de bord \(year)</h1>
        \(attention)
        <ul class="stats">
        <li><span>Adhérents actifs</span><strong><a href="\(Site.memberListIndex.path())?annee=\(year)&statut=active">\(members)</a></strong></li>
        <li><span>Cotisations reçues</span><strong>\(Money.xpf(all.received))</strong><small>sur \(Money.xpf(all.expected)) attendus (\(share) %)</small></li>
        <li><span>Cotisations impayées</span><strong><a href="\(Site.duesDashboardIndex.path())?annee=\(year)&etat=unpaid">\(all.count - all.paidCount)</a></strong></li>
        <li><span>Courriels en échec</span><strong><a href="\(Site.outboxIndex.path())?etat=failed">\(failed)</a></strong></li>
        </ul>
        \(pendingCall > 0 ? HTML("<p class=\"flash flash-info\">\(pendingCall) adhésion(s) active(s) \(year) sans cotisation : <a href=\"\(Site.duesDashboardIndex.path())?annee=\(year)\">lancer l'appel</a>.</p>") : .empty)
        <h2>Mandats arrivant à échéance (90 jours)</h2>
        \(ending.isEmpty ? UI.emptyState("Aucun mandat ne s'achève dans les 90 jours.") : "<ul>\(endingRows)</ul><p><a href=\"\(Site.governanceIndex.path())\">Gouvernance</a></p>")
        <h2>Prochaines réunions</h2>
        \(upcoming.isEmpty ? UI.emptyState("Aucune réunion planifiée.") : "<ul>\(upcomingRows)</ul>")
        <h2>Prochains événements</h2>
        \(events.isEmpty ? UI.emptyState("Aucun événement à venir.", action: "<a href=\"\(Site.eventNewForm.path())\">Créer un événement</a>") : "<ul>\(eventRows)</ul>")
        <h2>Rapport annuel \(year)</h2>
        <p>\(frozenAt.map { "Publié le \(FrenchDate.long($0))." } ?? "Pas encore figé : il suit les données.") <a href="\(Site.reportShow.path(year))">Préparer le rapport \(year)</a> · <a href="\(Site.reportPreview.path(year))">Voir le rapport</a></p>
        <h2>Impayés les plus anciens</h2>
        \(unpaid.isEmpty ? UI.emptyState("Aucun impayé.") : "<ul>\(unpaidRows)</ul><p><a href=\"\(Site.reminderIndex.path())\">Préparer les relances</a></p>")
        """
        return try await Layout.page(req, title: "Tableau de bord", body: body)
    }
}
