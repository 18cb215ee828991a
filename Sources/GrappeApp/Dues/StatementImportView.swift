import Foundation
import GrappeDomain

/// The bank statement import's pages, drawn without a database: the upload form with the saved
/// CSV formats, and the preview in groups where each credit's due is confirmed or changed.
enum StatementImportView {
    static func form(mappings: [String], format: String, error: String?, mapping: FormState, csrf: HTML) -> HTML {
        let formats = [("cfonb", "CFONB 120 (relevé au format bancaire)")] + mappings.map { ("csv:\($0)", "CSV — \($0)") }
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Import d'un relevé", nil)]))
        <h1>Import d'un relevé bancaire</h1>
        <p>Les crédits du relevé sont rapprochés des cotisations ouvertes : d'abord par la référence de paiement (ex. <code>OPEN-2026-0042-K</code>),
        puis par le montant et le nom du payeur. Vous vérifiez chaque ligne avant l'enregistrement ; un relevé importé deux fois n'enregistre rien deux fois.
        Les débits sont ignorés.</p>
        \(error.map { HTML("<div class=\"flash flash-error\" role=\"alert\">\($0)</div>") })
        <form method="post" action="\(Site.statementPreview.path())" enctype="multipart/form-data" class="grid-form">\(csrf)
        <fieldset><legend>Relevé</legend>
        \(Input.select("format", "Format", FormState(values: ["format": format]), options: formats, required: true))
        <div class="field"><label for="file">Fichier *</label><input id="file" name="file" type="file" required accept=".txt,.cfonb,.120,.csv,text/plain,text/csv"></div>
        </fieldset>
        <div class="form-actions"><button class="primary">Prévisualiser</button></div>
        </form>
        <h2>Formats CSV des banques</h2>
        <p>\(mappings.isEmpty ? "Aucun format enregistré." : "Enregistrés : \(mappings.joined(separator: ", ")). Un format enregistré sous le même nom est remplacé.")
        Indiquez les en-têtes de colonnes tels qu'ils figurent dans le fichier de la banque.</p>
        \(mapping.summary)
        <form method="post" action="\(Site.statementMappingSave.path())" class="grid-form">\(csrf)
        <fieldset><legend>Nouveau format</legend>
        \(Input.text("name", "Nom (la banque)", mapping, required: true, maxLength: 60))
        \(Input.select("separator", "Séparateur", mapping, options: [(";", "point-virgule ;"), (",", "virgule ,"), ("tab", "tabulation")]))
        \(Input.select("decimalMark", "Séparateur décimal", mapping, options: [(",", "virgule (12 000,00)"), (".", "point (12,000.00)")]))
        \(Input.text("dateColumn", "Colonne de la date", mapping, required: true, maxLength: 80))
        \(Input.text("amountColumn", "Colonne du montant (signé)", mapping, maxLength: 80, hint: "Ou, à la place, les colonnes du débit et du crédit."))
        \(Input.text("debitColumn", "Colonne du débit", mapping, maxLength: 80))
        \(Input.text("creditColumn", "Colonne du crédit", mapping, maxLength: 80))
        \(Input.text("labelColumn", "Colonne du libellé", mapping, required: true, maxLength: 80))
        \(Input.text("referenceColumn", "Colonne de la référence", mapping, maxLength: 80))
        </fieldset>
        <div class="form-actions"><button>Enregistrer le format</button></div>
        </form>
        """
    }

    static let groups: [(StatementMatching.Group, String, String)] = [
        (.matched, "Rapprochés", "La cotisation proposée est présélectionnée."),
        (.toCheck, "À vérifier", "Une cotisation est suggérée ; choisissez-la pour l'enregistrer."),
        (.unknown, "Inconnus", "Aucune cotisation reconnue ; choisissez-en une ou laissez « ne pas enregistrer »."),
        (.debit, "Débits ignorés", ""),
        (.alreadyRecorded, "Déjà enregistrés", "Ces lignes ont été enregistrées lors d'un import précédent."),
    ]

    static func preview(_ proposals: [StatementMatching.Proposal], dues: [StatementImportService.OpenDue], text: String, format: String, csrf: HTML) -> HTML {
        let indexed = Array(proposals.enumerated())
        let sections = groups.map { group, title, help -> HTML in
            let rows = indexed.filter { $0.element.group == group }
            guard !rows.isEmpty else { return .empty }
            let choosable = group == .matched || group == .toCheck || group == .unknown
            let body = rows.map { index, p -> HTML in
                let choice: HTML = choosable ? select(index, p, dues: dues) : "—"
                return """
                <tr><td>\(FrenchDate.short(p.line.date))</td><td>\(p.line.label)\(p.line.reference.isEmpty ? "" : " — \(p.line.reference)")</td>\
                <td class="num">\(Money.xpf(p.line.amount))</td><td>\(p.reason)</td><td>\(choice)</td></tr>
                """
            }
            return """
            <h2>\(title) (\(rows.count))</h2>\(help.isEmpty ? .empty : "<p>\(help)</p>" as HTML)
            <table class="list"><thead><tr><th>Date</th><th>Libellé</th><th class="num">Montant</th><th>Rapprochement</th><th>Cotisation</th></tr></thead>
            <tbody>\(body)</tbody></table>
            """
        }
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Import d'un relevé", Site.statementForm.path()), ("Prévisualisation", nil)]))
        <h1>Prévisualisation du relevé</h1>
        <p>\(French.count(proposals.count, "ligne lue", "lignes lues")) : \(French.count(proposals.filter { $0.group == .matched }.count, "rapprochée", "rapprochées")),
        \(proposals.filter { $0.group == .toCheck }.count) à vérifier, \(French.count(proposals.filter { $0.group == .unknown }.count, "inconnue", "inconnues")),
        \(French.count(proposals.filter { $0.group == .debit }.count, "débit ignoré", "débits ignorés")),
        \(French.count(proposals.filter { $0.group == .alreadyRecorded }.count, "déjà enregistrée", "déjà enregistrées")).</p>
        <form method="post" action="\(Site.statementRecord.path())">\(csrf)
        <input type="hidden" name="format" value="\(format)">
        <input type="hidden" name="statement" value="\(text)">
        \(sections)
        <div class="form-actions"><button class="primary">Enregistrer les paiements choisis</button> <a href="\(Site.statementForm.path())">Annuler</a></div>
        </form>
        """
    }

    static func select(_ index: Int, _ p: StatementMatching.Proposal, dues: [StatementImportService.OpenDue]) -> HTML {
        let suggested = dues.first { $0.due.id == p.dueID }
        let ordered = (suggested.map { [$0] } ?? []) + dues.filter { $0.due.id != p.dueID }
        let options = ordered.map { d -> HTML in
            let selected = p.group == .matched && d.due.id == p.dueID
            let mark = d.due.id == p.dueID ? " (proposée)" : ""
            return "<option value=\"\(d.due.id.uuidString)\"\(HTML.flag(.selected, selected))>\(d.number) — \(d.company) — reste \(Money.xpf(d.due.balance))\(mark)</option>"
        }
        return """
        <select name="due_\(index)" aria-label="Cotisation de la ligne \(index + 1)"><option value="">Ne pas enregistrer</option>\(options)</select>
        """
    }
}
