import Fluent
import GrappeDomain
import Vapor

/// The board and the bureau: mandates, their end, meetings per month, meetings with institutions.
enum GovernanceController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let year = try await req.year()
        let groups = try await Group.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$kind ~~ [.board, .bureau]).all()
        let groupIDs = try groups.map { try $0.requireID() }
        let mandates = groupIDs.isEmpty ? [] : try await Mandate.query(on: req.db).filter(\.$group.$id ~~ groupIDs)
            .with(\.$person).with(\.$company).all()
        let held = try await GroupQueries.heldMeetings(req.db, organisationID: orgID, year: year).filter { $0.groupID.map(groupIDs.contains) ?? false }
        let perMonth = MeetingStats.perMonth(held.map(\.startsAt), year: year)
        let institutions = try await GroupQueries.institutionCounts(req.db, organisationID: orgID, year: year)
        let (from, to) = FrenchDate.yearBounds(year)
        let institutionMeetings = try await Meeting.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$group.$id == nil)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).sort(\.$startsAt).all()
        let people = req.viewer.isStaff ? try await Person.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$lastName).all() : []
        return try await Layout.page(req, title: "Gouvernance", body: GovernanceView.render(
            req, year: year, groups: groups, mandates: mandates, perMonth: perMonth, institutions: institutions,
            institutionMeetings: institutionMeetings, people: people))
    }

}

enum GovernanceView {
    static func render(_ req: Request, year: Int, groups: [Group], mandates: [Mandate], perMonth: [Int],
                       institutions: [(String, Int)], institutionMeetings: [Meeting], people: [Person]) -> HTML {
        let now = req.now
        let sections = groups.sorted { $0.kind.rawValue < $1.kind.rawValue }.map { group -> HTML in
            let seats = mandates.filter { $0.$group.id == group.id }
                .sorted { ($0.endsOn < now ? 1 : 0, $0.role.order, $0.rank) < ($1.endsOn < now ? 1 : 0, $1.role.order, $1.rank) }
            let rows = seats.map { m -> HTML in
                let holder = m.holderLabel.isEmpty ? "\(m.person.fullName)\(m.company.map { " (\($0.name))" } ?? "")" : m.holderLabel
                let ending = MandateTerm.endsSoon(m.endsOn, now: now) ? UI.badge("échéance proche", "warn") : (m.endsOn < now ? UI.badge("terminé", "info") : .empty)
                let close: HTML = req.viewer.isStaff && m.endsOn >= now ? """
                <form method="post" action="\(Site.mandateEnd.path(m.id!))" class="inline" data-confirm="Terminer ce mandat ?">\(CSRF.hiddenField(req))
                <input type="date" name="date" value="\(FrenchDate.iso(now))" aria-label="Date de fin"> <button>Terminer</button></form>
                """ : .empty
                return """
                <tr><td><a href="\(Site.mandateHistory.path())?personne=\(m.$person.id.uuidString)">\(holder)</a></td><td><a href="\(Site.mandateHistory.path())?role=\(m.role.rawValue)">\(m.role.label)</a>\(m.rank > 0 ? " \(m.rank)" : "")</td><td>\(FrenchDate.long(m.electedOn))</td>
                <td>\(FrenchDate.long(m.endsOn)) \(ending)</td><td>\(m.voting ? "oui" : "non (membre d'honneur)")</td><td>\(close)</td></tr>
                """
            }
            return """
            <h2><a href="\(Site.groupShow.path(group.slug))">\(group.name)</a></h2>
            \(rows.isEmpty ? UI.emptyState("Aucun mandat.") : "<table class=\"list\"><thead><tr><th>Titulaire</th><th>Rôle</th><th>Élu le</th><th>Fin du mandat</th><th>Voix délibérative</th><th></th></tr></thead><tbody>\(rows)</tbody></table>")
            """
        }
        let chart = BarChart.perMonth(title: "Réunions du bureau et du CA en \(year), par mois", counts: perMonth).render()
        let institutionRows = institutions.map { "<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>" as HTML }
        let meetingRows = institutionMeetings.map { m -> HTML in
            "<tr><td>\(FrenchDate.long(m.startsAt))</td><td>\(m.institution)</td><td><a href=\"\(Site.meetingShow.path(m.id!))\">\(m.title)</a></td><td>\(m.status.label)</td></tr>"
        }
        let form: HTML = req.viewer.isStaff ? """
        <details><summary>Enregistrer une réunion avec une institution</summary>
        <form method="post" action="\(Site.meetingCreate.path())" class="inline-form">\(CSRF.hiddenField(req))
        \(Input.text("institution", "Institution", FormState(), required: true, maxLength: 120, extra: " list=\"institutions\""))
        <datalist id="institutions"><option value="Gouvernement"><option value="Province Sud"><option value="Province Nord"><option value="Vice-rectorat"></datalist>
        \(Input.text("title", "Objet", FormState(), required: true, maxLength: 200))
        \(Input.text("date", "Date", FormState(), type: "date", required: true))
        \(Input.text("start", "Début", FormState(values: ["start": "09:00"]), type: "time", required: true))
        \(Input.text("end", "Fin", FormState(values: ["end": "10:00"]), type: "time", required: true))
        <button class="primary">Enregistrer</button></form></details>
        """ : .empty
        let mandateForm: HTML = req.viewer.isStaff ? """
        <details><summary>Enregistrer un mandat (après une élection)</summary>
        <form method="post" action="\(Site.mandateCreate.path())" class="inline-form">\(CSRF.hiddenField(req))
        \(Input.select("group", "Instance", FormState(), options: groups.map { ($0.id!.uuidString, $0.name) }, required: true))
        \(Input.select("person", "Personne", FormState(), options: people.map { ($0.id!.uuidString, "\($0.lastName) \($0.firstName)") }, required: true, blank: "—"))
        \(Input.select("role", "Rôle", FormState(values: ["role": MandateRole.director.rawValue]), options: MandateRole.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("rank", "Rang (vice-présidents)", FormState(values: ["rank": "0"]), type: "number", extra: " min=\"0\" max=\"9\""))
        \(Input.text("elected", "Élu(e) le", FormState(), type: "date", required: true))
        \(Input.text("term", "Durée (ans)", FormState(values: ["term": String(MandateTerm.defaultYears)]), type: "number", extra: " min=\"1\" max=\"10\""))
        \(Input.text("label", "Libellé (membre d'honneur : « La CCI »)", FormState(), maxLength: 120))
        <button class="primary">Enregistrer</button></form></details>
        <p><a href="\(Site.mandateHistory.path())">Historique des mandats</a></p>
        """ : "<p><a href=\"\(Site.mandateHistory.path())\">Historique des mandats</a></p>"
        let total = perMonth.reduce(0, +)
        return """
        <div class="page-head"><h1>Gouvernance</h1><p class="years"><a href="\(Site.governanceIndex.path())?annee=\(year - 1)">← \(year - 1)</a> · <strong>\(year)</strong> · <a href="\(Site.governanceIndex.path())?annee=\(year + 1)">\(year + 1) →</a></p></div>
        \(sections)
        \(mandateForm)
        <h2>Réunions du bureau et du CA en \(year)</h2>
        \(total == 0 ? UI.emptyState("Aucune réunion tenue en \(year).") : chart)
        <h2>Réunions avec les institutions en \(year)</h2>
        \(institutions.isEmpty ? UI.emptyState("Aucune réunion avec une institution en \(year).") : "<table class=\"list\"><thead><tr><th>Institution</th><th class=\"num\">Réunions</th></tr></thead><tbody>\(institutionRows)</tbody></table>")
        \(meetingRows.isEmpty ? HTML.empty : "<table class=\"list\"><thead><tr><th>Date</th><th>Institution</th><th>Objet</th><th>État</th></tr></thead><tbody>\(meetingRows)</tbody></table>")
        \(form)
        """
    }
}
