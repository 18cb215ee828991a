/// The newsletter: the sign-up confirmation, and the footer every issue carries.
enum NewsletterMails {
    static func confirmation(organisation: String, link: String) -> MailText {
        MailText(subject: "Confirmez votre inscription à la lettre de \(organisation)",
                 body: "Bonjour,\n\nPour recevoir la lettre d'information de \(organisation), confirmez votre adresse :\n\n\(link)\n\nSans confirmation, vous ne recevrez rien.",
                 kind: "newsletter_confirm")
    }

    /// An issue as one reader gets it: its text, then who sends it, why they receive it and
    /// the one-click unsubscribe link.
    static func issue(subject: String, text: String, organisation: String, baseURL: String, publicList: Bool, unsubscribe: String, test: Bool) -> MailText {
        MailText(subject: test ? "[TEST] " + subject : subject,
                 body: text + "\n\n-- \n\(organisation) · \(baseURL)\nVous recevez cette lettre en tant que \(publicList ? "abonné(e)" : "contact d'un adhérent ou membre d'une commission").\nSe désabonner en un clic : \(unsubscribe)",
                 kind: test ? "newsletter_test" : "newsletter")
    }
}
