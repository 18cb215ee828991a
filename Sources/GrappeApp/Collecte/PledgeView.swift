import Fluent
import Foundation
import GrappeDomain

/// The pledge pages, drawn without a database: the public and staff forms to pledge, and a
/// pledge's page with its items and, for staff, the pick-up and collection forms.
enum PledgeView {
    /// The pledge form; `companies` (staff only) to credit a known member.
    static func form(action: String, form: FormState, companies: [Company], csrf: HTML) -> HTML {
        """
        \(form.summary)
        <form method="post" action="\(action)" class="stack">\(csrf)\(PublicFormGuard.field)
        \(companies.isEmpty ? .empty : Input.select("companyID", "Entreprise donatrice (si elle est connue du cluster)", form, options: companies.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        \(Input.text("donorName", "Entreprise ou organisme donateur", form, required: true, maxLength: 150))
        \(Input.text("contactName", "Personne à contacter", form, required: true, maxLength: 120))
        \(Input.text("contactEmail", "E-mail", form, type: "email", required: true, maxLength: 254))
        \(Input.text("address", "Adresse d'enlèvement", form, required: true, maxLength: 300))
        \(rows(form))
        \(Input.textarea("notes", "Précisions (accès, horaires…)", form, maxLength: 2000))
        <button class="primary">Enregistrer la promesse de don</button></form>
        """
    }

    /// The equipment, one row per type (`PledgeRows`): type, quantity, brand and model, and the
    /// button that draws one more row (a plain submit: it works without JavaScript).
    static func rows(_ form: FormState) -> HTML {
        let count = min(max(Int(form["rows"]) ?? 1, 1), PledgeRows.maxRows)
        let options = DeviceType.allCases.map { ($0.rawValue, $0.label) }
        let rows = (0..<count).map { i -> HTML in
            let type = form["type_\(i)"]
            let choices = options.map { HTML("<option value=\"\($0.0)\"\(HTML.flag(.selected, $0.0 == type))>\($0.1)</option>") }
            return """
            <tr><td><select name="type_\(i)" aria-label="Type, ligne \(i + 1)"><option value="">—</option>\(choices)</select></td>
            <td><input type="number" name="quantity_\(i)" value="\(form["quantity_\(i)"])" min="1" max="500" step="1" aria-label="Quantité, ligne \(i + 1)"></td>
            <td><input name="model_\(i)" value="\(form["model_\(i)"])" maxlength="120" aria-label="Marque et modèle, ligne \(i + 1)"></td></tr>
            """
        }
        let error = form.errors["lines"]
        return """
        <fieldset class="pledge-rows\(error != nil ? " has-error" : "")"><legend>Matériels donnés *</legend>
        \(error.map { HTML("<p class=\"error\" id=\"lines-error\">\($0)</p>") })
        <table class="list"><thead><tr><th>Type</th><th>Quantité</th><th>Marque et modèle (facultatif)</th></tr></thead><tbody>\(rows)</tbody></table>
        <input type="hidden" name="rows" value="\(String(count))">
        \(count < PledgeRows.maxRows ? HTML("<button name=\"step\" value=\"addRow\" class=\"secondary\" formnovalidate>Ajouter une ligne</button>") : .empty)
        </fieldset>
        """
    }

    /// The public page when no campaign was ever opened.
    static var noCampaign: HTML { UI.emptyState("Aucune campagne de collecte n'est ouverte pour le moment.") }

    /// The public form, for the latest campaign.
    static func publicPage(campaign: CollectCampaign, form: FormState, csrf: HTML) -> HTML {
        """
        <section class="narrow"><h1>Donner du matériel à la Grande Collecte \(campaign.year)</h1>
        <p>Vos ordinateurs sont enlevés gratuitement, leurs données effacées selon la norme NIST SP 800-88 (vous recevez un certificat
        listant les numéros de série), puis ils sont reconditionnés et donnés à des associations.</p>
        \(self.form(action: Site.pledgePublicSubmit.path(), form: form, companies: [], csrf: csrf))</section>
        """
    }

    static func staffPage(campaign c: CollectCampaign, form: FormState, companies: [Company], csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Grande Collecte", Site.collecteIndex.path()), ("\(c.year)", Site.collecteShow.path(c.year)), ("Nouvelle promesse", nil)]))
        <h1>Enregistrer une promesse de don</h1>
        \(self.form(action: Site.pledgeStaffSubmit.path(c.year), form: form, companies: companies, csrf: csrf))
        """
    }

    /// A pledge with its campaign loaded and its items; `staff`: the pick-up and collection forms.
    static func page(_ p: CollectPledge, items: [CollectItem], staff: Bool, csrf: HTML) -> HTML {
        let pending = items.filter { $0.state == .pledged }
        let collectRows = pending.map { i -> HTML in
            let id = i.id!.uuidString
            return """
            <tr><td><input type="checkbox" name="items[]" value="\(id)" aria-label="\(i.tag) collecté" checked> \(i.tag)</td><td>\(i.deviceType.label)</td>
            <td><input name="brand-\(id)" value="\(i.brand)" maxlength="60" aria-label="Marque \(i.tag)"></td>
            <td><input name="model-\(id)" value="\(i.model)" maxlength="120" aria-label="Modèle \(i.tag)"></td>
            <td><input name="serial-\(id)" value="\(i.serial)" maxlength="100" aria-label="Numéro de série \(i.tag)"></td></tr>
            """
        }
        let collectForm: HTML = staff && !pending.isEmpty ? """
            <h2>Enregistrer l'enlèvement</h2>
            <form method="post" action="\(Site.pledgeCollect.path(p))">\(csrf)
            <table class="list"><thead><tr><th>Collecté</th><th>Type</th><th>Marque</th><th>Modèle</th><th>N° de série</th></tr></thead><tbody>\(collectRows)</tbody></table>
            <button class="primary">Marquer les matériels cochés comme collectés</button></form>
            """ : .empty
        let plan: HTML = staff ? """
            <form method="post" action="\(Site.pledgePlanPickup.path(p))" class="inline-form">\(csrf)
            \(Input.text("date", "Date d'enlèvement", FormState(values: ["date": p.pickupOn.map(FrenchDate.iso) ?? ""]), type: "date", required: true))
            <button class="secondary">Planifier</button></form>
            """ : .empty
        return """
        \(UI.breadcrumbs([("Grande Collecte", Site.collecteIndex.path()), ("\(p.campaign.year)", Site.collecteShow.path(p.campaign.year)), (p.donorName, nil)]))
        <div class="page-head"><h1>Promesse de \(p.donorName)</h1>
        <div class="actions"><a class="button" href="\(Site.certificateShow.path(p))">Certificat d'effacement</a></div></div>
        <dl class="facts"><dt>Contact</dt><dd>\(p.contactName) · <a href="mailto:\(p.contactEmail)">\(p.contactEmail)</a></dd>
        <dt>Adresse</dt><dd>\(p.pickupAddress)</dd><dt>Enlèvement</dt><dd>\(p.pickupOn.map(FrenchDate.long) ?? "à planifier")</dd>
        <dt>Précisions</dt><dd>\(p.notes.nonEmpty ?? "—")</dd><dt>Matériels</dt><dd>\(items.count) (\(pending.count) encore à collecter)</dd></dl>
        \(plan)
        \(collectForm)
        <h2>Tous les matériels</h2>
        \(ItemView.table(items))
        """
    }
}
