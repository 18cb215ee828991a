import Foundation
import GrappeDomain

/// The candidate pool: the confirmation, with the withdrawal link.
enum CandidateMails {
    static func confirmation(firstName: String, organisation: String, keptUntil: Date, withdrawLink: String) -> MailText {
        MailText(subject: "Votre candidature auprès des adhérents de \(organisation)", body: """
            Bonjour \(firstName),

            Votre candidature est enregistrée. Les entreprises adhérentes de \(organisation) à jour de leur cotisation peuvent la consulter jusqu'au \(FrenchDate.long(keptUntil)) ; elle sera ensuite supprimée, CV compris.

            Pour la retirer à tout moment :
            \(withdrawLink)

            \(organisation)
            """, kind: "candidate_confirmation")
    }
}
