import Vapor

/// The spam defences of every public form: a honeypot field that people never see (bots fill
/// it) and a rate limit per client address. No third-party captcha.
enum PublicFormGuard {
    static let honeypotField = "contact_url"

    enum Verdict { case proceed, honeypot, limited }

    static func check(_ req: Request, form: String) -> Verdict {
        if !(req.content[String.self, at: honeypotField] ?? "").isEmpty { return .honeypot }
        return req.application.publicFormLimiter.allow(form + ":" + req.clientAddress) ? .proceed : .limited
    }

    static let limitedMessage = "Trop d'envois depuis cette adresse : réessayez dans quelques minutes."

    /// The hidden field, to put inside the form.
    static var field: HTML {
        "<div class=\"hp\" aria-hidden=\"true\"><label>Ne pas remplir <input name=\"\(honeypotField)\" tabindex=\"-1\" autocomplete=\"off\"></label></div>"
    }
}
