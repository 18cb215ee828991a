/// Invitations and password resets.
enum AccountMails {
    static func accessLink(to name: String, organisation: String, link: String, invitation: Bool) -> MailText {
        let intro = invitation
            ? "Un accès à l'espace adhérent de \(organisation) a été créé pour vous. Choisissez votre mot de passe (lien valable 7 jours) :"
            : "Vous avez demandé à changer votre mot de passe. Choisissez-en un nouveau (lien valable une heure) :"
        return MailText(subject: invitation ? "Votre accès à l'espace \(organisation)" : "Nouveau mot de passe pour \(organisation)",
                        body: "Bonjour \(name),\n\n\(intro)\n\n\(link)\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n\(organisation)",
                        kind: invitation ? "invitation" : "password_reset")
    }
}
