import Foundation
import GrappeDomain

/// Renewal: the call for the new year's dues, and the reminder before the lapse date.
enum RenewalMails {
    /// `payment`: how to pay (`BankDetailsView.mailText`: the bank details and the due's reference).
    static func call(holder: String?, company: String, year: Int, number: String, amount: Int, dueOn: Date, link: String, payment: String,
                     organisation: OrganisationProfile) -> MailText {
        MailText(subject: "Appel de cotisation \(year) \(organisation.name) (\(number))", body: """
            Bonjour\(holder.map { " " + $0 } ?? ""),

            L'adhésion de \(company) à \(organisation.name) est renouvelée pour \(year). Merci de votre fidélité.
            Cotisation \(year) (n° \(number)) : \(Money.xpf(amount)), à régler au plus tard le \(FrenchDate.long(dueOn)).
            Vos services d'adhérent continuent pendant ce temps.

            \(payment)

            L'appel de cotisation est disponible dans votre espace : \(link)

            \(organisation.managerName)
            \(organisation.name) — \(organisation.email) — \(organisation.phone)
            """, kind: "dues_call")
    }

    static func lapseReminder(holder: String?, company: String, year: Int, lapseOn: Date, link: String,
                              organisation: OrganisationProfile) -> MailText {
        MailText(subject: "Renouvellement \(year) : \(company) n'a pas encore confirmé", body: """
            Bonjour\(holder.map { " " + $0 } ?? ""),

            Sauf erreur de notre part, \(company) n'a encore ni confirmé son renouvellement \(year) ni réglé sa cotisation \(year).
            Sans réponse au \(FrenchDate.long(lapseOn)), l'adhésion ne sera pas renouvelée et les services réservés aux adhérents s'arrêteront.

            Confirmez votre renouvellement en un clic dans votre espace : \(link)

            \(organisation.managerName)
            \(organisation.name) — \(organisation.email) — \(organisation.phone)
            """, kind: "renewal_reminder")
    }
}
