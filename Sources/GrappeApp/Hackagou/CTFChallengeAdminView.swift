import Foundation
import GrappeDomain

/// The staff's challenge page, drawn without a database: the challenge's form with its
/// prerequisites, then its flags, hints and attachments, each with a delete button.
enum CTFChallengeAdminView {
    struct Page: Sendable {
        let edition: CTFEdition
        /// Nil for a new challenge.
        let challenge: CTFChallenge?
        /// The other challenges of the edition, for the prerequisites.
        let others: [(id: Int, name: String)]
        let flags: [CTFFlag]
        let hints: [CTFHint]
        /// Attachments, without their content.
        var files: [(id: Int, filename: String, size: Int)] = []
    }

    static func render(_ p: Page, form f: CTFChallengeForm, flagForm: FormState, hintForm: FormState, fileError: String? = nil, csrf: HTML) -> HTML {
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
        \(p.challenge.map { attachments(p, challenge: $0, error: fileError, csrf: csrf) } ?? .empty)
        """
    }

    static func extras(_ p: Page, challenge c: CTFChallenge, flagForm: FormState, hintForm: FormState, csrf: HTML) -> HTML {
        let year = p.edition.year
        let flags = p.flags.map { f in
            let delete = UI.postButton(csrf: csrf, action: Site.ctfAdminFlagDelete.path(year, c, f.id ?? 0), label: "Supprimer", confirm: "Supprimer ce flag ?")
            return HTML("<tr><td>\(f.kind.label)</td><td><code>\(f.content)</code></td><td>\(f.caseInsensitive ? "oui" : "non")</td><td>\(delete)</td></tr>")
        }
        let hints = p.hints.map { h in
            let delete = UI.postButton(csrf: csrf, action: Site.ctfAdminHintDelete.path(year, c, h.id ?? 0), label: "Supprimer", confirm: "Supprimer cet indice ?")
            return HTML("<tr><td>\(h.content)</td><td class=\"num\">\(h.cost)</td><td>\(delete)</td></tr>")
        }
        return """
        <h2>Flags</h2>
        \(p.flags.isEmpty ? UI.emptyState("Aucun flag : ce défi ne peut pas être résolu.") : HTML("<table class=\"list\"><thead><tr><th>Type</th><th>Flag</th><th>Sans casse</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(flags)</tbody></table>"))
        \(flagForm.summary)
        <form method="post" action="\(Site.ctfAdminFlagAdd.path(year, c))" class="inline-form">\(csrf)
        \(Input.select("kind", "Type", flagForm, options: FlagRule.Kind.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("content", "Flag", flagForm, required: true, maxLength: Submission.maxLength))
        \(Input.checkbox("caseInsensitive", "Ignorer la casse", checked: flagForm["caseInsensitive"] == "1"))
        <button>Ajouter le flag</button></form>
        <h2>Indices</h2>
        \(p.hints.isEmpty ? UI.emptyState("Aucun indice.") : HTML("<table class=\"list\"><thead><tr><th>Indice</th><th class=\"num\">Coût</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(hints)</tbody></table>"))
        \(hintForm.summary)
        <form method="post" action="\(Site.ctfAdminHintAdd.path(year, c))">\(csrf)
        \(Input.textarea("content", "Indice", hintForm, maxLength: 2000))
        \(Input.text("cost", "Coût (points)", hintForm, type: "number", required: true))
        <button>Ajouter l'indice</button></form>
        """
    }

    static func attachments(_ p: Page, challenge c: CTFChallenge, error: String?, csrf: HTML) -> HTML {
        let year = p.edition.year
        let rows = p.files.map { f -> HTML in
            let delete = UI.postButton(csrf: csrf, action: Site.ctfAdminFileDelete.path(year, c, f.id), label: "Supprimer", confirm: "Supprimer « \(f.filename) » ?")
            return "<tr><td><a href=\"\(Site.ctfFile.path(f.id, f.filename))\" download>\(f.filename)</a></td><td class=\"num\">\(FileSize.french(f.size))</td><td>\(delete)</td></tr>"
        }
        return """
        <h2>Fichiers joints</h2>
        \(p.files.isEmpty ? UI.emptyState("Aucun fichier joint.") : HTML("<table class=\"list\"><thead><tr><th>Fichier</th><th class=\"num\">Taille</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.ctfAdminFileAdd.path(year, c))" enctype="multipart/form-data" class="inline-form">\(csrf)
        <div class="field"><label for="file">Fichier (\(FileSize.french(CTFFile.maxBytes)) au plus) *</label><input id="file" type="file" name="file" required></div>
        <button>Joindre le fichier</button></form>
        <p><a href="\(Site.ctfAdminChallengeYAML.path(year, c))">Exporter ce défi (challenge.yml, format ctfcli)</a></p>
        """
    }
}
