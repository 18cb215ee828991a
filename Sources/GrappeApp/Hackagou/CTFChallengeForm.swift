import Foundation
import GrappeDomain

/// The challenge form: read into a challenge with its tags and prerequisites (errors per field,
/// in French), and back from a challenge to edit it.
struct CTFChallengeForm {
    var form: FormState
    /// Prerequisites ticked (challenge ids).
    var requirements: Set<Int>

    static let fields = ["category", "name", "about", "connectionInfo", "author", "scoring", "initial", "decay", "minimum",
                         "maxAttempts", "state", "visibleFrom", "position", "tags"]

    init(form: FormState, requirements: Set<Int>) {
        self.form = form
        self.requirements = requirements
    }

    init(_ c: CTFChallenge, requirements: Set<Int>) {
        form = FormState(values: [
            "category": c.category, "name": c.name, "about": c.about, "connectionInfo": c.connectionInfo, "author": c.author,
            "scoring": c.scoringKind, "initial": String(c.initial), "decay": String(c.decay), "minimum": String(c.minimum),
            "maxAttempts": String(c.maxAttempts), "state": c.state.rawValue, "position": String(c.position),
            "visibleFrom": c.visibleFrom.map { FrenchDate.iso($0) + "T" + FrenchDate.clock($0) } ?? "",
            "tags": c.tags.map(\.value).joined(separator: ", "),
        ])
        self.requirements = requirements
    }

    var tags: [String] {
        form["tags"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Writes the form into `c`; false (with `form.errors`) when something is wrong.
    mutating func apply(to c: CTFChallenge) -> Bool {
        for (key, label, limit) in [("category", "la catégorie", 60), ("name", "le nom", 120)] where form[key].isEmpty || form[key].count > limit {
            form.errors[key] = "Indiquez \(label) (\(limit) caractères au plus)."
        }
        if form["about"].count > 20_000 { form.errors["about"] = "20 000 caractères au plus." }
        if form["connectionInfo"].count > 500 { form.errors["connectionInfo"] = "500 caractères au plus." }
        if form["author"].count > 120 { form.errors["author"] = "120 caractères au plus." }
        if tags.count > 10 || tags.contains(where: { $0.count > 40 }) { form.errors["tags"] = "10 étiquettes au plus, de 40 caractères au plus." }
        let initial = Int(form["initial"]), decay = Int(form["decay"].isEmpty ? "0" : form["decay"]), minimum = Int(form["minimum"].isEmpty ? "0" : form["minimum"])
        let maxAttempts = Int(form["maxAttempts"].isEmpty ? "0" : form["maxAttempts"]), position = Int(form["position"].isEmpty ? "0" : form["position"])
        var scoring: ChallengeScoring?
        if let initial, let decay, let minimum {
            switch form["scoring"] {
            case "linear": scoring = .linear(initial: initial, decay: decay, minimum: minimum)
            case "logarithmic": scoring = .logarithmic(initial: initial, decay: decay, minimum: minimum)
            case "static": scoring = .fixed(initial)
            default: form.errors["scoring"] = "Choisissez un mode de calcul des points."
            }
            if let problem = scoring?.problem { form.errors["initial"] = problem }
        } else {
            form.errors["initial"] = "Valeurs entières attendues (valeur initiale, décroissance, minimum)."
        }
        if maxAttempts.map({ (0...1000).contains($0) }) != true { form.errors["maxAttempts"] = "De 0 (illimité) à 1 000 tentatives." }
        if position.map({ (0...10_000).contains($0) }) != true { form.errors["position"] = "Position invalide." }
        let state = CTFChallenge.State(rawValue: form["state"])
        if state == nil { form.errors["state"] = "Choisissez un état." }
        var visibleFrom: Date?
        if !form["visibleFrom"].isEmpty {
            let parts = form["visibleFrom"].split(separator: "T")
            if parts.count == 2, let day = FrenchDate.parse(String(parts[0])), let minutes = MeetingRule.minutes(String(parts[1].prefix(5))) {
                visibleFrom = FrenchDate.at(day, minutes: minutes)
            } else { form.errors["visibleFrom"] = "Date et heure invalides." }
        }
        if let id = c.id, requirements.contains(id) { form.errors["requirements"] = "Un défi ne peut pas se requérir lui-même." }
        guard form.errors.isEmpty, let scoring, let maxAttempts, let position, let state else { return false }
        c.category = form["category"]
        c.name = form["name"]
        c.about = form["about"]
        c.connectionInfo = form["connectionInfo"]
        c.author = form["author"]
        c.scoring = scoring
        c.maxAttempts = maxAttempts
        c.state = state
        c.visibleFrom = visibleFrom
        c.position = position
        return true
    }
}
