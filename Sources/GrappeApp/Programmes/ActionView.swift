import Fluent
import Foundation
import GrappeDomain

/// A programme's action pages, drawn without a database: the form for one action and the CSV
/// import with its preview. `csrf` is the page's token field.
enum ActionView {
    /// `consortium`: the companies that may animate; `audiences`: one number input each
    /// (`AudienceInputs.shown`); `deletion`: the delete address, when editing.
    static func form(_ p: Programme, action: String, form: FormState, consortium: [Company], audiences: [Audience], deletion: String?, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), ("Action", nil)]))
        <h1>Action de « \(p.name) »</h1>\(form.summary)
        <form method="post" action="\(action)" class="grid-form">\(csrf)
        \(Input.text("date", "Date", form, type: "date", required: true))
        \(Input.text("theme", "Thème", form, required: true, maxLength: 200))
        \(Input.select("commune", "Commune", form, options: Communes.inFrenchOrder.map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.select("animator", "Entreprise animatrice", form, options: consortium.map { ($0.name, $0.name) }, blank: "Le cluster"))
        \(Input.text("animators", "Animateurs (personnes)", form, maxLength: 300))
        \(Input.text("participants", "Participants", form, type: "number", required: true, extra: " min=\"0\""))
        \(audienceInputs(audiences, form: form))
        \(Input.text("duration", "Durée (minutes)", form, type: "number", extra: " min=\"0\""))
        \(Input.textarea("notes", "Notes", form, maxLength: 2000))
        <button class="primary">Enregistrer</button></form>
        \(deletion.map { UI.postButton(csrf: csrf, action: $0, label: "Supprimer l'action", style: "danger", confirm: "Supprimer cette action ?") })
        """
    }

    /// « Publics »: how many participants of each audience, a number input per audience; the
    /// error on their sum (more than the participants) is said once above them.
    static func audienceInputs(_ audiences: [Audience], form: FormState) -> HTML {
        let inputs = audiences.map { Input.text(AudienceInputs.field($0), $0.label, form, type: "number", extra: " min=\"0\" step=\"1\"") }
        return """
        <fieldset class="audiences"><legend>Publics (participants par public)</legend>
        \(form.errors["audiences"].map { HTML("<p class=\"error\" id=\"audiences-error\">\($0)</p>") })\(inputs)</fieldset>
        """
    }

    /// The import form; `preview` is what the last file gave (`preview`, `problem`) or nothing.
    static func importPage(_ p: Programme, preview: HTML, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), ("Import", nil)]))
        <h1>Importer des actions</h1>
        <p>Un fichier CSV (séparateur « ; » ou « , », UTF-8) avec les colonnes <code>\(ActionCSV.header.joined(separator: ";"))</code>.
        L'animateur est le nom d'une entreprise du consortium (vide : le cluster) ; les publics s'écrivent « tpe_pme=12;handicap=4 » (entre guillemets).</p>
        \(preview)
        <form method="post" action="\(Site.actionImportSubmit.path(p.slug))" enctype="multipart/form-data" class="stack">\(csrf)
        \(Input.text("file", "Fichier", FormState(), type: "file", required: true, extra: " accept=\".csv,text/csv\""))
        <button name="step" value="preview" class="primary">Prévisualiser</button></form>
        """
    }

    /// Why a file was refused as a whole (a literal, or text interpolated and so escaped).
    static func problem(_ message: HTML) -> HTML {
        "<p class=\"flash flash-error\">\(message)</p>"
    }

    /// What `parsed` from `text` would import, with the button to import it (the text kept in
    /// the form) when no line is rejected.
    static func preview(_ p: Programme, parsed: ActionCSV.Parsed, text: String, csrf: HTML) -> HTML {
        let rejected = parsed.rejections.map { r in HTML("<li>Ligne \(r.line) : \(r.reasons.joined(separator: " ; "))</li>") }
        let accepted = parsed.lines.prefix(50).map { line in
            HTML("<tr><td>\(line.0)</td><td>\(line.1.date)</td><td>\(line.1.theme)</td><td>\(line.1.commune)</td><td>\(line.1.animator.nonEmpty ?? "—")</td><td class=\"num\">\(line.1.participants)</td></tr>")
        }
        return """
        <section class="panel"><h2>Aperçu</h2>
        <p><strong>\(parsed.lines.count)</strong> \(French.word(parsed.lines.count, "action prête", "actions prêtes")), <strong>\(parsed.rejections.count)</strong> \(French.word(parsed.rejections.count, "ligne rejetée", "lignes rejetées")).</p>
        \(rejected.isEmpty ? .empty : HTML("<ul class=\"error\">\(rejected)</ul>"))
        \(accepted.isEmpty ? .empty : HTML("<table class=\"list compact\"><thead><tr><th>Ligne</th><th>Date</th><th>Thème</th><th>Commune</th><th>Animateur</th><th class=\"num\">Participants</th></tr></thead><tbody>\(accepted)</tbody></table>"))
        \(parsed.rejections.isEmpty && !parsed.lines.isEmpty ? HTML("""
            <form method="post" action="\(Site.actionImportSubmit.path(p.slug))">\(csrf)<input type="hidden" name="csv" value="\(text)">
            <button name="step" value="apply" class="primary">Importer \(French.count(parsed.lines.count, "action", "actions"))</button></form>
            """) : .empty)
        </section>
        """
    }
}
