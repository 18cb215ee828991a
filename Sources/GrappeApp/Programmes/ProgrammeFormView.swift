import Fluent
import Foundation
import GrappeDomain

/// The staff's programme form, drawn without a database: `companies` are those that may join
/// the consortium, `consortium` those already in it.
enum ProgrammeFormView {
    static func render(title: String, action: String, form: FormState, axes: [StrategicAxis], companies: [Company], consortium: Set<UUID>, csrf: HTML) -> HTML {
        let boxes = companies.map { c in
            HTML("<label class=\"chip\"><input type=\"checkbox\" name=\"consortium[]\" value=\"\(c.id!.uuidString)\"\(HTML.flag(.checked, consortium.contains(c.id!)))> \(c.name)</label>")
        }
        let axisBoxes = StrategicAxis.allCases.map { a in
            HTML("<label class=\"chip\"><input type=\"checkbox\" name=\"axes[]\" value=\"\(a.rawValue)\"\(HTML.flag(.checked, axes.contains(a)))> \(a.label)</label>")
        }
        return """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (title, nil)]))
        <h1>\(title)</h1>\(form.summary)
        <form method="post" action="\(action)" class="stack">\(csrf)
        \(Input.text("name", "Nom", form, required: true, maxLength: 150))
        \(Input.textarea("description", "Description (Markdown)", form, maxLength: 10000))
        \(Input.select("status", "État", form, options: Programme.Status.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("startsOn", "Début", form, type: "date", required: true))
        \(Input.text("endsOn", "Fin", form, type: "date", required: true))
        <fieldset><legend>Axes stratégiques</legend><div class="chips">\(axisBoxes)</div></fieldset>
        \(Input.textarea("funders", "Financeurs : un par ligne, « nom ; montant en XPF » (montant facultatif)", form, maxLength: 3000))
        \(Input.textarea("partners", "Partenaires : un par ligne, « organisation ; rôle »", form, maxLength: 3000))
        <fieldset><legend>Consortium (entreprises adhérentes qui animent)</legend><div class="chips">\(boxes)</div></fieldset>
        <button class="primary">Enregistrer</button></form>
        """
    }
}
