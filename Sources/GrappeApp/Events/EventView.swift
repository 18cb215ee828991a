import Fluent
import Foundation
import GrappeDomain

/// The event pages, drawn without a database: the agenda, an event's page with its
/// registration form, a guest's cancellation, and the staff's form and check-in list.
enum EventView {
    /// Who reads: what they are offered.
    struct Reader: Sendable {
        let staff: Bool
        /// Signed in: registers in one click, with their account's name and address.
        let signedIn: Bool
    }

    static func list(upcoming: [ClusterEvent], past: [ClusterEvent], staff: Bool) -> HTML {
        """
        <p class="actions"><a class="button" href="\(Site.calendarPublicEvents.path())">S'abonner (iCalendar)</a></p>
        <div class="page-head"><h1>Événements</h1>
        \(staff ? "<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.eventNewForm.path())\">Nouvel événement</a></div>" as HTML : .empty)</div>
        <h2>À venir</h2>
        \(upcoming.isEmpty ? UI.emptyState("Aucun événement à venir pour le moment.") : table(upcoming))
        <h2>Passés</h2>
        \(past.isEmpty ? UI.emptyState("Aucun événement passé.") : table(past))
        """
    }

    static func table(_ events: [ClusterEvent]) -> HTML {
        let lines = events.map { e -> HTML in
            """
            <tr><td>\(FrenchDate.long(e.startsAt))</td><td><a href="\(Site.eventShow.path(e))">\(e.title)</a>
            \(e.audience == .members ? UI.badge("adhérents", "info") : .empty)\(e.status == .planned || e.status == .done ? .empty : UI.badge(e.status.label, "warn"))</td>
            <td>\(e.kind.label)</td><td>\(e.host?.name ?? "—")</td></tr>
            """
        }
        return "<table class=\"list\"><thead><tr><th>Date</th><th>Événement</th><th>Type</th><th>Hôte</th></tr></thead><tbody>\(lines)</tbody></table>"
    }

    static func page(_ page: EventPage, reader: Reader, now: Date, form: FormState, csrf: HTML) -> HTML {
        let event = page.event
        let seats = event.capacity > 0 ? "\(page.confirmed) / \(event.capacity) places" : French.count(page.confirmed, "inscrit", "inscrits")
        let waiting = page.waiting
        let list: HTML
        if reader.staff {
            let rows = page.registrations.map { r -> HTML in
                "<tr><td>\(r.name)</td><td>\(r.email)</td><td>\(r.status.label)</td><td>\(r.checkedInAt.map { "arrivé(e) à \(FrenchDate.clock($0))" } ?? "—")</td></tr>"
            }
            list = """
            <h2>Inscriptions (\(seats)\(waiting > 0 ? ", \(waiting) en attente" : ""))</h2>
            <p class="actions"><a class="button" href="\(Site.eventCheckInList.path(event))">Accueil des participants</a> <a class="button" href="\(Site.eventEditForm.path(event))">Modifier</a>
            \(event.kind == .generalAssembly ? "<a class=\"button primary\" href=\"\(Site.assemblyShow.path(event))\">Assemblée : quorum, pouvoirs, votes</a>" as HTML : .empty)</p>
            \(rows.isEmpty ? UI.emptyState("Aucune inscription.") : "<table class=\"list\"><thead><tr><th>Nom</th><th>E-mail</th><th>État</th><th>Présence</th></tr></thead><tbody>\(rows)</tbody></table>")
            """
        } else {
            list = "<p>\(seats)\(waiting > 0 ? " · \(waiting) en liste d'attente" : "")</p>"
        }
        return """
        \(UI.breadcrumbs([("Événements", Site.eventIndex.path()), (event.title, nil)]))
        <h1>\(event.title)</h1>
        <p class="lead">\(event.kind.label) · \(FrenchDate.long(event.startsAt)), \(FrenchDate.clock(event.startsAt))–\(FrenchDate.clock(event.endsAt))\(event.place.isEmpty ? "" : " · \(event.place)")</p>
        \(event.status == .planned ? HTML.empty : UI.badge(event.status.label, "warn"))
        \(page.host.map { HTML("<p>Chez <a href=\"\(Site.memberShow.path($0))\">\($0.name)</a></p>") })
        \(event.about.isEmpty ? HTML.empty : HTML("<p>\(event.about)</p>"))
        \(event.axes.isEmpty ? HTML.empty : HTML("<p><small>Axes de la charte : \(event.axes.map { "\($0.rawValue). \($0.label)" }.joined(separator: " · "))</small></p>"))
        <p>Ouvert \(event.audience == .members ? "aux adhérents" : "à tous")</p>
        \(registration(page, reader: reader, now: now, form: form, csrf: csrf))
        \(list)
        """
    }

    /// Closed, the reader's own registration, one click for the signed-in, or the guest form.
    static func registration(_ page: EventPage, reader: Reader, now: Date, form: FormState, csrf: HTML) -> HTML {
        let event = page.event
        guard event.status.acceptsRegistrations && event.endsAt > now else {
            return "<p>Les inscriptions sont fermées (\(event.status.label.lowercased())).</p>"
        }
        if let mine = page.mine {
            return """
            <p class="flash flash-success">Vous êtes \(mine.status == .confirmed ? "inscrit(e)" : "sur la liste d'attente").</p>
            \(UI.postButton(csrf: csrf, action: Site.eventUnregister.path(event), label: "Annuler mon inscription", style: "danger"))
            """
        }
        if reader.signedIn {
            return """
            \(form.errors["email"].map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="\(Site.eventRegister.path(event))">\(csrf)<button class="primary">M'inscrire</button></form>
            """
        }
        return """
        \(form.summary)
        <form method="post" action="\(Site.eventRegister.path(event))" class="inline-form">\(csrf)
        \(Input.text("name", "Nom et prénom", form, required: true, maxLength: 120))
        \(Input.text("email", "E-mail", form, type: "email", required: true, maxLength: 254))
        \(PublicFormGuard.field)
        <button class="primary">M'inscrire</button></form>
        """
    }

    /// A guest's cancellation page, reached from the link in their email.
    static func cancel(_ registration: Registration, event: ClusterEvent, csrf: HTML) -> HTML {
        """
        <section class="narrow"><h1>Annuler mon inscription</h1>
        <p>\(registration.name), vous êtes inscrit(e) à « \(event.title) » le \(FrenchDate.long(event.startsAt)) (\(registration.status.label.lowercased())).</p>
        \(registration.status == .cancelled ? "<p>Cette inscription est déjà annulée.</p>" as HTML : UI.postButton(csrf: csrf, action: Site.eventCancelByToken.path(registration.token), label: "Libérer ma place", style: "danger"))
        </section>
        """
    }

    /// The staff's form to create or edit an event; `companies`: the hosts to choose from.
    static func form(title: String, action: String, form: FormState, companies: [Company], csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Événements", Site.eventIndex.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(EventForm.render(action: action, form: form, companies: companies, csrf: csrf))
        """
    }
}
