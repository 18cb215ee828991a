/// Personal data: an erasure request to the staff, then the answer to the person.
enum PrivacyMails {
    static func erasureRequested(name: String, email: String, link: String) -> MailText {
        MailText(subject: "Demande d'effacement de données : \(name)", body: "\(name) <\(email)> demande l'effacement de ses données.\n\n\(link)", kind: "privacy_notice")
    }

    static func erased(organisation: String) -> MailText {
        MailText(subject: "Vos données ont été effacées",
                 body: "Bonjour,\n\nComme vous l'avez demandé, vos données personnelles ont été effacées de l'espace de \(organisation) et votre accès est fermé.\n\n\(organisation)",
                 kind: "privacy_done")
    }

    static func erasureRefused(note: String) -> MailText {
        MailText(subject: "Votre demande sur vos données personnelles",
                 body: "Bonjour,\n\nNous ne pouvons pas donner suite à votre demande d'effacement :\n\n\(note)\n\nÉcrivez-nous pour en parler.", kind: "privacy_rejected")
    }
}
