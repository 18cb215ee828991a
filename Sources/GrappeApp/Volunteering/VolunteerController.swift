import Fluent
import GrappeDomain
import Vapor

/// Volunteer hours: the year's total, per person, company and group, entries typed by staff,
/// and a CSV export (`VolunteerPage` read, `VolunteerView` drawn). The report's « 1 500 heures
/// de bénévolat » is this total.
enum VolunteerController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        return try await page(req, year: try await req.year(), form: FormState())
    }

    static func page(_ req: Request, year: Int, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await VolunteerPage.load(req.db, organisationID: try await req.organisationID(), year: year, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Bénévolat \(year)", status: status, body: VolunteerView.render(model, form: form, csrf: CSRF.hiddenField(req)))
    }

    static func add(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        return try await record(req, user: user, fixedGroup: nil)
    }

    /// A group's lead (or staff) adds volunteer time for that group, from the group's page.
    static func addForGroup(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        let user = try await GroupAccess.requireManage(req, group: group)
        return try await record(req, user: user, fixedGroup: group)
    }

    static func record(_ req: Request, user: User, fixedGroup: Group?) async throws -> Response {
        let orgID = try await req.organisationID()
        var form = FormState()
        for key in ["person", "activity", "group", "date", "hours"] { form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces) }
        if let fixedGroup { form.values["group"] = fixedGroup.id?.uuidString ?? "" }
        let person = try await PersonPicker.chosen(req, organisationID: orgID)
        if person == nil { form.errors["person"] = "Choisissez une personne." }
        if let fixedGroup, let personID = person?.id,
           try await GroupMember.query(on: req.db).filter(\.$group.$id == fixedGroup.requireID()).filter(\.$person.$id == personID).filter(\.$status == .member).count() == 0 {
            form.errors["person"] = "Cette personne ne fait pas partie du groupe."
        }
        var groupID: UUID? = nil
        if !form["group"].isEmpty {
            let group = try await UUID(uuidString: form["group"]).asyncFlatMap { try await Group.find($0, on: req.db) }
            if group?.$organisation.id != orgID { form.errors["group"] = "Groupe inconnu." } else { groupID = group?.id }
        }
        if form["activity"].isEmpty { form.errors["activity"] = "Décrivez l'activité." } else if form["activity"].count > 200 { form.errors["activity"] = "200 caractères au maximum." }
        let date = FrenchDate.parse(form["date"])
        if date == nil { form.errors["date"] = "Date invalide." }
        let minutes = VolunteerTime.minutes(form["hours"])
        if minutes == nil { form.errors["hours"] = "Durée invalide : un nombre d'heures (2,5) ou 2h30, 1 000 h au plus." }
        guard form.errors.isEmpty, let person, let date, let minutes else {
            if let fixedGroup {
                return req.redirect(to: Site.groupShow.path(fixedGroup.slug), flash: "Temps non enregistré : " + form.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "), .error)
            }
            var year = try await req.year()
            if let date { year = FrenchDate.year(of: date) }
            return try await page(req, year: year, form: form, status: .badRequest)
        }
        let entry = VolunteerEntry(organisationID: orgID, personID: try person.requireID(), groupID: groupID, activity: form["activity"],
                                   date: date, minutes: minutes, createdBy: user.id)
        try await req.db.transaction { db in
            try await entry.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "volunteer", entityID: try entry.requireID(), action: "create",
                                   changes: ["bénévolat": ("", "\(person.fullName) : \(Hours.format(minutes)) — \(entry.activity)")])
        }
        let back = fixedGroup.map { "\(Site.groupShow.path($0.slug))?annee=\(FrenchDate.year(of: date))" } ?? "\(Site.volunteerIndex.path())?annee=\(FrenchDate.year(of: date))"
        return req.redirect(to: back, flash: "\(Hours.format(minutes)) ajoutées pour \(person.fullName).")
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let year = try await req.year()
        let orgID = try await req.organisationID()
        let people = try await VolunteerQueries.perPerson(req.db, organisationID: orgID, year: year)
        let text = CSVTable.write(header: ["personne", "minutes", "heures"],
                                  rows: people.map { [$0.name, String($0.minutes), String(format: "%.2f", Double($0.minutes) / 60).replacingOccurrences(of: ".", with: ",")] })
        return CSVDownload.response(text, filename: "benevolat-\(year).csv")
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
