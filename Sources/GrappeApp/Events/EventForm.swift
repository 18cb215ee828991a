import Fluent
import GrappeDomain
import Vapor

/// The staff form for an event: reading, checking and rendering.
enum EventForm {
    static func state(_ e: ClusterEvent) -> FormState {
        FormState(values: ScheduleFields.values(start: e.startsAt, end: e.endsAt).merging(
            ["title": e.title, "kind": e.kind.rawValue, "description": e.about, "host": e.$host.id?.uuidString ?? "", "place": e.place,
             "capacity": String(e.capacity), "audience": e.audience.rawValue, "status": e.status.rawValue, "axes": e.axesText]) { a, _ in a })
    }

    /// Checks the posted fields and copies them onto `event`; returns the form with its errors.
    static func read(_ req: Request, into event: ClusterEvent) async throws -> FormState {
        var form = FormState()
        for key in ["title", "kind", "description", "host", "place", "date", "start", "end", "capacity", "audience", "status"] {
            form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let axes = (req.content[[String].self, at: "axes"] ?? []).compactMap { Int($0).flatMap(StrategicAxis.init(rawValue:)) }
        form.values["axes"] = StrategicAxis.serialize(axes)
        if form["title"].isEmpty { form.errors["title"] = "Le titre est obligatoire." } else if form["title"].count > 200 { form.errors["title"] = "200 caractères au maximum." }
        if form["description"].count > 5000 { form.errors["description"] = "5 000 caractères au maximum." }
        if form["place"].count > 200 { form.errors["place"] = "200 caractères au maximum." }
        let kind = EventKind(rawValue: form["kind"]); if kind == nil { form.errors["kind"] = "Type inconnu." }
        let audience = ClusterEvent.Audience(rawValue: form["audience"]); if audience == nil { form.errors["audience"] = "Public inconnu." }
        let status = EventStatus(rawValue: form["status"]); if status == nil { form.errors["status"] = "État inconnu." }
        let capacity = form["capacity"].isEmpty ? 0 : Int(form["capacity"])
        if capacity == nil || capacity! < 0 || capacity! > 100_000 { form.errors["capacity"] = "Un nombre de places entre 0 (sans limite) et 100 000." }
        var host: UUID? = nil
        if !form["host"].isEmpty {
            host = UUID(uuidString: form["host"])
            let orgID = try await req.organisationID()
            var company: Company? = nil
            if let host { company = try await Company.find(host, on: req.db) }
            if company?.$organisation.id != orgID { form.errors["host"] = "Adhérent inconnu." }
        }
        let schedule = ScheduleFields.read(&form)
        guard form.errors.isEmpty, let kind, let audience, let status, let capacity, let schedule else { return form }
        event.title = form["title"]; event.kind = kind; event.about = form["description"]; event.$host.id = host; event.place = form["place"]
        event.startsAt = schedule.start; event.endsAt = schedule.end
        event.capacity = capacity; event.audience = audience; event.status = status; event.axesText = form["axes"]
        return form
    }

    /// The form's fields; `csrf` is the page's token field.
    static func render(action: String, form: FormState, companies: [Company], csrf: HTML) -> HTML {
        let chosen = Set(StrategicAxis.parse(form["axes"]))
        let axes = StrategicAxis.allCases.map { a -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"axes[]\" value=\"\(a.rawValue)\"\(HTML.flag(.checked, chosen.contains(a)))> \(a.rawValue). \(a.label)</label>"
        }
        return """
        \(form.summary)
        <form method="post" action="\(action)" class="grid-form">\(csrf)
        <fieldset><legend>Événement</legend>
        \(Input.text("title", "Titre", form, required: true, maxLength: 200))
        \(Input.select("kind", "Type", form, options: EventKind.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("host", "Adhérent hôte", form, options: companies.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        \(Input.textarea("description", "Description", form, maxLength: 5000))
        </fieldset>
        <fieldset><legend>Quand et où</legend>
        \(Input.text("date", "Date", form, type: "date", required: true))
        \(Input.text("start", "Début", form, type: "time", required: true))
        \(Input.text("end", "Fin", form, type: "time", required: true))
        \(Input.text("place", "Lieu", form, maxLength: 200))
        </fieldset>
        <fieldset><legend>Inscriptions</legend>
        \(Input.text("capacity", "Places (0 = sans limite)", form, type: "number", extra: " min=\"0\" max=\"100000\""))
        \(Input.select("audience", "Ouvert à", form, options: ClusterEvent.Audience.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("status", "État", form, options: EventStatus.allCases.map { ($0.rawValue, $0.label) }))
        <div class="field"><span class="label">Axes stratégiques de la charte</span><div class="chips">\(axes)</div></div>
        </fieldset>
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
