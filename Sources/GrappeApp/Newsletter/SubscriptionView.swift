import Foundation
import GrappeDomain

/// The public newsletter pages, drawn without a request: the sign-up form, the confirmation,
/// and the unsubscribe page.
enum SubscriptionView {
    /// `csrf` is the page's token field.
    static func form(_ form: FormState, csrf: HTML) -> HTML {
        """
        <section class="narrow"><h1>La lettre d'information</h1>
        <p>L'actualité du numérique calédonien et du cluster, quelques fois par an.</p>
        \(form.summary)
        <form method="post" action="\(Site.subscriptionSignUp.path())" class="stack">\(csrf)\(PublicFormGuard.field)
        \(Input.text("email", "Votre e-mail", form, type: "email", required: true, maxLength: 254))
        <div class="field check\(form.errors["consent"] != nil ? " has-error" : "")"><label><input type="checkbox" name="consent" value="1"> \(NewsletterService.consentWording)</label>
        \(form.errors["consent"].map { HTML("<p class=\"error\">\($0)</p>") })</div>
        <button class="primary">M'inscrire</button></form>
        <p class="muted">Vous recevrez un e-mail pour confirmer votre adresse.</p></section>
        """
    }

    static var invalidLink: HTML {
        UI.emptyState("Ce lien de confirmation n'est plus valable : inscrivez-vous à nouveau.", action: "<a href=\"\(Site.subscriptionForm.path())\">S'inscrire</a>")
    }

    static func confirmed(email: String) -> HTML {
        "<section class=\"narrow\"><h1>Inscription confirmée</h1><p>Vous recevrez la prochaine lettre à \(email).</p></section>"
    }

    /// The question before unsubscribing, or the state of an address already unsubscribed.
    /// The form carries no CSRF field: the token in the address is the authority.
    static func unsubscribeForm(_ row: Subscriber) -> HTML {
        row.status == .unsubscribed
            ? "<section class=\"narrow\"><h1>Désabonnement</h1><p>\(row.email) ne reçoit plus la lettre.</p></section>"
            : """
              <section class="narrow"><h1>Se désabonner</h1><p>Ne plus envoyer la lettre à \(row.email) ?</p>
              <form method="post" action="\(Site.subscriptionUnsubscribe.path(row.token))"><button class="danger">Me désabonner</button></form></section>
              """
    }

    static func unsubscribed(email: String) -> HTML {
        "<section class=\"narrow\"><h1>Désabonnement confirmé</h1><p>\(email) ne recevra plus la lettre.</p></section>"
    }
}
