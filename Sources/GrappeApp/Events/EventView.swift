import GrappeDomain
import Vapor

enum EventView {
    static func render(_ req: Request, event: ClusterEvent, host: Company?, registrations: [Registration], confirmed: Int, waiting: Int,
                       mine: Registration?, form: FormState) -> HTML {
        let id = event.id!.uuidString
        let staff = req.viewer.isStaff
        let seats = event.capacity > 0 ? "\(confirmed) / \(event.capacity) places" : "\(confirmed) inscrit(s)"
        let open = event.status.acceptsRegistrations && event.endsAt > req.now
        let registration: HTML
        if !open {
            registration = "<p>Les inscriptions sont fermées (\(event.status.label.lowercased())).</p>"
        } else if let mine {
            registration = """
            <p class="flash flash-success">Vous êtes \(mine.status == .confirmed ? "inscrit(e)" : "sur la liste d'attente").</p>
            \(UI.postButton(req, action: Site.eventUnregister.path(id), label: "Annuler mon inscription", style: "danger"))
            """
        } else if req.viewer.user != nil {
            registration = """
            \(form.errors["email"].map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="\(Site.eventRegister.path(id))">\(CSRF.hiddenField(req))<button class="primary">M'inscrire</button></form>
            """
        } else {
            registration = """
            \(form.summary)
            <form method="post" action="\(Site.eventRegister.path(id))" class="inline-form">\(CSRF.hiddenField(req))
            \(Input.text("name", "Nom et prénom", form, required: true, maxLength: 120))
            \(Input.text("email", "E-mail", form, type: "email", required: true, maxLength: 254))
            \(PublicFormGuard.field)
            <button class="primary">M'inscrire</button></form>
            """
        }
        let list: HTML
        if staff {
            let rows = registrations.map { r -> HTML in
                "<tr><td>\(r.name)</td><td>\(r.email)</td><td>\(r.status.label)</td><td>\(r.checkedInAt.map { "arrivé(e) à \(FrenchDate.clock($0))" } ?? "—")</td></tr>"
            }
            list = """
            <h2>Inscriptions (\(seats)\(waiting > 0 ? ", \(waiting) en attente" : ""))</h2>
            <p class="actions"><a class="button" href="\(Site.eventCheckInList.path(id))">Accueil des participants</a> <a class="button" href="\(Site.eventEditForm.path(id))">Modifier</a>
            \(event.kind == .generalAssembly ? "<a class=\"button primary\" href=\"\(Site.assemblyShow.path(id))\">Assemblée : quorum, pouvoirs, votes</a>" as HTML : .empty)</p>
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
        \(host.map { HTML("<p>Chez <a href=\"\(Site.memberShow.path($0.id!))\">\($0.name)</a></p>") })
        \(event.about.isEmpty ? HTML.empty : HTML("<p>\(event.about)</p>"))
        \(event.axes.isEmpty ? HTML.empty : HTML("<p><small>Axes de la charte : \(event.axes.map { "\($0.rawValue). \($0.label)" }.joined(separator: " · "))</small></p>"))
        <p>Ouvert \(event.audience == .members ? "aux adhérents" : "à tous")</p>
        \(registration)
        \(list)
        """
    }
}
