import Foundation
import GrappeDomain

/// The public diagnostic page, drawn without a database: what the one-hour diagnostic and the
/// Province Sud grant are, the request form (`csrf` is the page's token field), and the thanks.
enum DiagnosticRequestView {
    static func page(form: DiagnosticRequestForm, grant: GrantRules, organisation: String, csrf: HTML) -> HTML {
        let s = form.state()
        return """
        <h1>Diagnostic de maturité numérique</h1>
        <div class="columns">
        <section><h2>Une heure pour faire le point</h2>
        <p>Un conseiller de \(organisation) ou d'une entreprise partenaire du programme vient à votre rencontre pour un entretien d'une heure.
        Ensemble, vous passez en revue les six dimensions de la maturité numérique définies par l'Union européenne : stratégie, préparation,
        équipe, données et sécurité, automatisation et intelligence artificielle, numérique responsable.</p>
        <p>Vous recevez ensuite vos résultats et un plan d'actions priorisé, avec des professionnels de l'annuaire pour les mener.</p></section>
        <section><h2>L'aide de la Province Sud</h2>
        <p>Les entreprises artisanales et commerciales de la province Sud peuvent obtenir une aide couvrant \(grant.ratePercent) % des dépenses
        éligibles de leur transition numérique, dans la limite de \(UI.xpf(grant.cap)) par entreprise. Le diagnostic en est la première étape.</p></section>
        </div>
        <h2>Demander un diagnostic</h2>
        \(s.summary)
        <form method="post" action="\(Site.diagnosticSubmit.path())" class="grid-form">
        \(csrf)
        \(PublicFormGuard.field)
        <fieldset><legend>L'entreprise</legend>
        \(Input.text("company", "Nom de l'entreprise", s, required: true, maxLength: 120))
        \(Input.text("ridet", "RIDET", s, required: true, maxLength: 14, hint: "1234567.001"))
        \(Input.select("activity", "Activité", s, options: BusinessActivity.allCases.map { ($0.rawValue, $0.label.capitalized) }, required: true, blank: "Choisir…"))
        \(Input.text("activityDetails", "Précisez l'activité (si « autre »)", s, maxLength: 200))
        \(Input.select("commune", "Commune", s, options: Communes.inFrenchOrder.map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.text("headcount", "Effectif (salariés)", s, type: "number", required: true, extra: " min=\"0\" max=\"100000\""))
        </fieldset>
        <fieldset><legend>La personne à contacter</legend>
        \(Input.text("contactName", "Nom et prénom", s, required: true, maxLength: 120))
        \(Input.text("email", "E-mail", s, type: "email", required: true, maxLength: 254))
        \(Input.text("phone", "Téléphone", s, type: "tel", maxLength: 25))
        </fieldset>
        <fieldset><legend>Vos disponibilités pour l'entretien d'une heure (1 à 3 créneaux)</legend>
        \(Input.text("slot1", "Créneau 1", s, type: "datetime-local", required: true))
        \(Input.text("slot2", "Créneau 2", s, type: "datetime-local"))
        \(Input.text("slot3", "Créneau 3", s, type: "datetime-local"))
        \(Input.textarea("message", "Précisions (facultatif)", s, maxLength: 2000))
        </fieldset>
        \(Input.checkbox("consent", DiagnosticRequestForm.consentWording, checked: form.consent))
        <div class="actions"><button class="primary">Demander mon diagnostic</button></div>
        </form>
        """
    }

    /// `request`: the one this visitor just sent, if the session still knows it.
    static func thanks(_ request: DiagnosticRequest?) -> HTML {
        let summary: HTML = request.map { r -> HTML in
            let slots = r.slotDates.map { HTML("<li>\(FrenchDate.long($0)) à \(FrenchDate.clock($0))</li>") }
            return """
            <p>Nous avons bien reçu la demande de <strong>\(r.companyName)</strong>. Une confirmation a été envoyée à \(r.contactEmail).</p>
            <p>Les créneaux proposés :</p><ul>\(slots)</ul>
            """
        } ?? .empty
        return """
        <section class="narrow"><h1>Merci !</h1>\(summary)
        <p>L'équipe choisit un créneau avec un conseiller et vous envoie le rendez-vous par e-mail, avec une invitation pour votre agenda.</p>
        <p><a href="\(Site.directoryIndex.path())">Découvrir l'annuaire des professionnels du numérique</a></p></section>
        """
    }
}
