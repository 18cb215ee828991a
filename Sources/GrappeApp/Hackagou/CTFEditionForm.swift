import Foundation
import GrappeDomain

/// The edition form: its fields as typed, read into an edition (errors per field, in French),
/// and back from an edition to edit it.
struct CTFEditionForm {
    var form: FormState

    static let fields = ["number", "year", "theme", "place", "about", "date", "start", "end", "freeze", "regOpens", "regCloses", "teamSize", "brackets"]

    init(form: FormState) { self.form = form }

    init(_ e: CTFEdition) {
        var values = ScheduleFields.values(start: e.startsAt, end: e.endsAt)
        values["number"] = String(e.number)
        values["year"] = String(e.year)
        values["theme"] = e.theme
        values["place"] = e.place
        values["about"] = e.about
        values["freeze"] = e.freezeAt.map(FrenchDate.clock) ?? ""
        values["regOpens"] = FrenchDate.iso(e.registrationOpensAt)
        values["regCloses"] = FrenchDate.iso(e.registrationClosesAt.addingTimeInterval(-1))
        values["teamSize"] = String(e.teamSize)
        values["brackets"] = e.brackets.sorted { $0.position < $1.position }.map { ($0.student ? "* " : "") + $0.name }.joined(separator: "\n")
        form = FormState(values: values)
    }

    /// The brackets typed, one per line; « * » in front marks a student bracket.
    var brackets: [(name: String, student: Bool)] {
        form["brackets"].split(whereSeparator: \.isNewline).map { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("*") ? (text.dropFirst().trimmingCharacters(in: .whitespaces), true) : (text, false)
        }.filter { !$0.name.isEmpty }
    }

    /// Writes the form into `e`; false (with `form.errors`) when something is wrong.
    mutating func apply(to e: CTFEdition) -> Bool {
        let number = Int(form["number"]), year = Int(form["year"]), size = Int(form["teamSize"])
        if number.map({ (1...100).contains($0) }) != true { form.errors["number"] = "Numéro d'édition invalide." }
        if year.map({ (2000...2100).contains($0) }) != true { form.errors["year"] = "Année invalide." }
        if size.map({ (1...10).contains($0) }) != true { form.errors["teamSize"] = "De 1 à 10 joueurs par équipe." }
        if form["theme"].isEmpty || form["theme"].count > 150 { form.errors["theme"] = "Indiquez le thème (150 caractères au plus)." }
        if form["place"].isEmpty || form["place"].count > 150 { form.errors["place"] = "Indiquez le lieu (150 caractères au plus)." }
        if form["about"].count > 5000 { form.errors["about"] = "5 000 caractères au plus." }
        let times = ScheduleFields.read(&form)
        var freeze: Date?
        if !form["freeze"].isEmpty {
            if let minutes = MeetingRule.minutes(form["freeze"]), let times { freeze = FrenchDate.at(times.start, minutes: minutes) }
            else { form.errors["freeze"] = "Heure invalide (ex. 16:00)." }
        }
        let opens = FrenchDate.parse(form["regOpens"]), closesDay = FrenchDate.parse(form["regCloses"])
        if opens == nil { form.errors["regOpens"] = "Date invalide." }
        if closesDay == nil { form.errors["regCloses"] = "Date invalide." }
        if brackets.count > 8 || brackets.contains(where: { $0.name.count > 60 }) { form.errors["brackets"] = "8 catégories au plus, de 60 caractères au plus." }
        if Set(brackets.map { TextFolding.fold($0.name) }).count != brackets.count { form.errors["brackets"] = "Deux catégories portent le même nom." }
        guard form.errors.isEmpty, let number, let year, let size, let times, let opens, let closesDay else { return false }
        let closes = min(closesDay.addingTimeInterval(86_400), times.end)
        let schedule = CTFSchedule(startsAt: times.start, endsAt: times.end, registrationOpensAt: opens, registrationClosesAt: closes, freezeAt: freeze)
        if let issue = schedule.issue {
            let field = switch issue.field {
            case .end: "end"
            case .registrationCloses: "regCloses"
            case .freeze: "freeze"
            }
            form.errors[field] = issue.french
            return false
        }
        e.number = number
        e.year = year
        e.theme = form["theme"]
        e.place = form["place"]
        e.about = form["about"]
        e.startsAt = times.start
        e.endsAt = times.end
        e.freezeAt = freeze
        e.registrationOpensAt = opens
        e.registrationClosesAt = closes
        e.teamSize = size
        return true
    }
}
