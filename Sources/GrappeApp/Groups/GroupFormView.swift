import Foundation
import GrappeDomain

/// The form to create or edit a group, drawn without a request.
enum GroupFormView {
    /// Monday first, as French calendars do; the values are `Calendar` weekdays.
    static let weekdays = [(2, "lundi"), (3, "mardi"), (4, "mercredi"), (5, "jeudi"), (6, "vendredi"), (7, "samedi"), (1, "dimanche")]

    /// `chooseKind`: staff may change the kind of group; its leads may not.
    static func form(title: String, action: String, form: FormState, chooseKind: Bool, csrf: HTML) -> HTML {
        let ordinals = [("", "Pas de rendez-vous régulier")] + MeetingRule.Ordinal.allCases.map { (String($0.rawValue), $0.label) }
        return """
        \(UI.breadcrumbs([("Groupes", Site.groupIndex.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(form.summary)
        <form method="post" action="\(action)" class="grid-form">\(csrf)
        <fieldset><legend>Groupe</legend>
        \(Input.text("name", "Nom", form, required: true, maxLength: 120))
        \(chooseKind ? Input.select("kind", "Type", form, options: GroupKind.allCases.map { ($0.rawValue, $0.label) }) : .empty)
        \(Input.textarea("description", "Description", form, maxLength: 4000))
        \(Input.textarea("projects", "Projets en cours (un par ligne)", form, maxLength: 4000))
        \(Input.text("founded", "Année de création", form, type: "number", extra: " min=\"1990\" max=\"2100\""))
        \(Input.checkbox("active", "Actif (décocher : en sommeil)", checked: form["active"] == "1"))
        </fieldset>
        <fieldset><legend>Rendez-vous régulier</legend>
        \(Input.select("ordinal", "Chaque mois, le", form, options: ordinals))
        \(Input.select("weekday", "Jour", form, options: weekdays.map { (String($0.0), $0.1) }))
        \(Input.text("start", "De", form, type: "time"))
        \(Input.text("end", "À", form, type: "time"))
        </fieldset>
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
