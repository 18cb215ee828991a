import Foundation
import GrappeDomain

/// The staff's challenge page, drawn without a database: the challenge's form with its
/// prerequisites, then its flags and hints.
enum CTFChallengeAdminView {
    struct Page: Sendable {
        let edition: CTFEdition
        /// Nil for a new challenge.
        let challenge: CTFChallenge?
        /// The other challenges of the edition, for the prerequisites.
        let others: [(id: Int, name: String)]
        let flags: [CTFFlag]
        let hints: [CTFHint]
    }

    static func render(_ p: Page, form f: CTFChallengeForm, flagForm: FormState, hintForm: FormState, csrf: HTML) -> HTML {
        let e = p.edition
        let form = f.form
        let action = p.challenge.map { Site.ctfAdminChallengeSave.path(e.year, $0) } ?? Site.ctfAdminChallengeCreate.path(e)
        let requirements = p.others.map { o in
            Input.checkbox("requires[]", o.name, checked: f.requirements.contains(o.id), value: String(o.id))
        }
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, Site.ctfAdminEdition.path(e)), (p.challenge?.name ?? "Nouveau défi", nil)]))
        <h1>\(p.challenge?.name ?? "Nouveau défi")</h1>
        \(form.summary)
        <form method="post" action="\(action)">\(csrf)
        <div class="columns">
        \(Input.text("category", "Catégorie", form, required: true, maxLength: 60))
        \(Input.text("name", "Nom", form, required: true, maxLength: 120))
        \(Input.text("author", "Auteur", form, maxLength: 120))
        </div>
        \(Input.textarea("about", "Énoncé (Markdown)", form, maxLength: 20_000))
        \(Input.text("connectionInfo", "Connexion (hôte, port, URL)", form, maxLength: 500))
        <div class="columns">
        \(Input.select("scoring", "Points", form, options: [("static", "fixes"), ("linear", "dégressifs (linéaire)"), ("logarithmic", "dégressifs (logarithmique)")], required: true))
        \(Input.text("initial", "Valeur initiale", form, type: "number", required: true))
        \(Input.text("decay", "Décroissance", form, type: "number", hint: "Linéaire : points perdus par résolution ; logarithmique : résolutions pour atteindre le minimum."))
        \(Input.text("minimum", "Valeur minimale", form, type: "number"))
        </div>
        <div class="columns">
        \(Input.text("maxAttempts", "Tentatives par équipe (0 : illimité)", form, type: "number"))
        \(Input.select("state", "État", form, options: CTFChallenge.State.allCases.map { ($0.rawValue, $0.label) }, required: true))
        \(Input.text("visibleFrom", "Visible à partir de (si masqué)", form, type: "datetime-local"))
        \(Input.text("position", "Ordre", form, type: "number"))
        </div>
        \(Input.text("tags", "Étiquettes (séparées par des virgules)", form, maxLength: 500))
        \(p.others.isEmpty ? .empty : HTML("<fieldset><legend>Prérequis (défis à résoudre avant)</legend>\(requirements)\(form.errors["requirements"].map { HTML("<p class=\"error\">\($0)</p>") })</fieldset>"))
        <button class="primary">\(p.challenge == nil ? "Créer le défi" : "Enregistrer")</button></form>
        \(p.challenge.map { extras(p, challenge: $0, flagForm: flagForm, hintForm: hintForm, csrf: csrf) } ?? .empty)
        """
    }

    static func extras(_ p: Page, challenge c: CTFChallenge, flagForm: FormState, hintForm: FormState, csrf: HTML) -> HTML {
        let year = p.edition.year
        let flags = p.flags.map { f in
            HTML("<tr><td>\(f.kind.label)</td><td><code>\(f.content)</code></td><td>\(f.caseInsensitive ? "oui" : "non")</td></tr>")
        }
        let hints = p.hints.map { h in HTML("<tr><td>\(h.content)</td><td class=\"num\">\(h.cost)</td></tr>") }
        return """
        <h2>Flags</h2>
        \(p.flags.isEmpty ? UI.emptyState("Aucun flag : ce défi ne peut pas être résolu.") : HTML("<table class=\"list\"><thead><tr><th>Type</th><th>Flag</th><th>Sans casse</th></tr></thead><tbody>\(flags)</tbody></table>"))
        \(flagForm.summary)
        <form method="post" action="\(Site.ctfAdminFlagAdd.path(year, c))" class="inline-form">\(csrf)
        \(Input.select("kind", "Type", flagForm, options: FlagRule.Kind.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("content", "Flag", flagForm, required: true, maxLength: Submission.maxLength))
        \(Input.checkbox("caseInsensitive", "Ignorer la casse", checked: flagForm["caseInsensitive"] == "1"))
        <button>Ajouter le flag</button></form>
        <h2>Indices</h2>
        \(p.hints.isEmpty ? UI.emptyState("Aucun indice.") : HTML("<table class=\"list\"><thead><tr><th>Indice</th><th class=\"num\">Coût</th></tr></thead><tbody>\(hints)</tbody></table>"))
        \(hintForm.summary)
        <form method="post" action="\(Site.ctfAdminHintAdd.path(year, c))">\(csrf)
        \(Input.textarea("content", "Indice", hintForm, maxLength: 2000))
        \(Input.text("cost", "Coût (points)", hintForm, type: "number", required: true))
        <button>Ajouter l'indice</button></form>
        """
    }
}
