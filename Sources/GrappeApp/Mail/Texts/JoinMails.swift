import Foundation
import GrappeDomain

/// Joining: the application received, the deciders told, the welcome, the refusal.
enum JoinMails {
    static func received(firstName: String, company: String, year: Int, fee: Int, organisation: String) -> MailText {
        MailText(subject: "Votre demande d'adhésion à \(organisation)",
                 body: "Bonjour \(firstName),\n\nNous avons bien reçu la demande d'adhésion de \(company) pour \(year).\(fee > 0 ? " Cotisation indiquée : \(Money.xpf(fee))." : "")\n\nLe bureau l'étudie et vous répond par e-mail.\n\n\(organisation)",
                 kind: "application_received")
    }

    static func notice(applicant: String, company: String, category: String, headcount: Int, commune: String, link: String) -> MailText {
        MailText(subject: "Nouvelle demande d'adhésion : \(company)",
                 body: "\(applicant) demande l'adhésion de \(company) (\(category), \(headcount) salariés, \(commune)).\n\nÀ décider : \(link)",
                 kind: "application_notice")
    }

    /// `hasAccount`: the applicant already had a login; otherwise an invitation follows.
    static func welcome(firstName: String, company: String, year: Int, email: String, hasAccount: Bool,
                        dueNumber: String, amount: Int, dueOn: Date, organisation: String) -> MailText {
        let access = hasAccount
            ? "Votre compte sur l'espace adhérent existe déjà : connectez-vous avec \(email)."
            : "Un second e-mail vous invite à choisir le mot de passe de votre espace adhérent."
        return MailText(subject: "Bienvenue à \(organisation) !", body: """
            Bonjour \(firstName),

            Le bureau a accepté l'adhésion de \(company) pour \(year). Bienvenue dans le cluster !

            \(access)

            Votre appel de cotisation n° \(dueNumber) : \(Money.xpf(amount)), à régler avant le \(FrenchDate.long(dueOn)).
            Depuis votre espace, vous pouvez compléter la fiche de l'entreprise, publier vos offres d'emploi,
            rejoindre une commission et vous inscrire aux événements.

            À très bientôt,
            \(organisation)
            """, kind: "welcome")
    }

    static func declined(firstName: String, company: String, reason: String, organisation: String) -> MailText {
        MailText(subject: "Votre demande d'adhésion à \(organisation)", body: """
            Bonjour \(firstName),

            Nous vous remercions de l'intérêt que vous portez à \(organisation). Après examen, le bureau n'a pas pu donner une suite favorable à la demande d'adhésion de \(company) :

            \(reason)

            N'hésitez pas à nous écrire pour en parler ; nos événements publics restent ouverts à tous.

            Bien cordialement,
            \(organisation)
            """, kind: "application_declined")
    }
}
