import Fluent
import Foundation
import GrappeDomain

/// The public candidate pages, drawn without a database: the form with its PDF upload, the
/// confirmation, and the withdrawal through the emailed link (`csrf` is the page's token field).
enum CandidateView {
    static func form(_ form: FormState, csrf: HTML) -> HTML {
        """
        <section class="narrow"><h1>Déposer une candidature libre</h1>
        <p class="lead">Votre candidature est proposée aux entreprises adhérentes du cluster pendant 24 mois, puis supprimée.
        Vous pouvez la retirer à tout moment grâce au lien reçu par e-mail.</p>
        \(form.summary)
        <form method="post" action="\(Site.candidateSubmit.path())" enctype="multipart/form-data" class="stack">
        \(csrf)
        \(PublicFormGuard.field)
        \(Input.text("firstName", "Prénom", form, required: true, maxLength: 80))
        \(Input.text("lastName", "Nom", form, required: true, maxLength: 80))
        \(Input.text("email", "E-mail", form, type: "email", required: true, maxLength: 254))
        \(Input.text("wishedFields", "Métiers ou domaines recherchés", form, required: true, maxLength: 300, hint: "Par exemple : développement web, cybersécurité, support informatique"))
        \(Input.textarea("message", "Quelques mots sur vous (facultatif)", form, maxLength: 2000))
        \(Input.text("cv", "CV au format PDF (5 Mo au plus)", form, type: "file", required: true, extra: " accept=\"application/pdf\""))
        <div class="field check\(form.errors["consent"] != nil ? " has-error" : "")"><label><input type="checkbox" name="consent" value="1"\(HTML.flag(.checked, form["consent"] == "1"))> \(CandidateService.consentWording)</label>
        \(form.errors["consent"].map { HTML("<p class=\"error\">\($0)</p>") })</div>
        <button class="primary">Déposer ma candidature</button>
        </form></section>
        """
    }

    static func received(firstName: String, email: String) -> HTML {
        """
        <section class="narrow"><h1>Candidature enregistrée</h1>
        <p>Merci \(firstName). Un e-mail de confirmation vient de vous être envoyé à \(email) ; il contient le lien pour retirer votre candidature.</p>
        <p><a href="\(Site.jobIndex.path())">Voir les offres d'emploi</a></p></section>
        """
    }

    /// The link of a candidature that no longer exists.
    static let unknown: HTML = UI.emptyState("Cette candidature n'existe plus : elle a déjà été retirée ou supprimée.")

    /// `token`: the secret of the emailed link, which the button posts back to.
    static func withdrawForm(_ c: Candidate, token: String, csrf: HTML) -> HTML {
        """
        <section class="narrow"><h1>Retirer ma candidature</h1>
        <p>\(c.fullName), votre candidature (\(c.wishedFields)) est visible des adhérents jusqu'au \(FrenchDate.long(c.expiresAt)).</p>
        \(UI.postButton(csrf: csrf, action: Site.candidateWithdraw.path(token), label: "Retirer et supprimer mon CV", style: "danger"))
        </section>
        """
    }

    static let withdrawn: HTML = "<section class=\"narrow\"><h1>Candidature retirée</h1><p>Votre candidature et votre CV ont été supprimés.</p></section>"
}
