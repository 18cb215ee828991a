import GrappeDomain

/// The Grande Collecte: a donor's pledge acknowledged, and the staff told.
enum CollecteMails {
    static func pledgeReceived(contact: String, items: Int, organisation: String) -> MailText {
        MailText(subject: "Votre promesse de don à la Grande Collecte",
                 body: "Bonjour \(contact),\n\nMerci ! Nous avons bien noté \(French.count(items, "matériel", "matériels")). L'équipe vous contacte pour planifier l'enlèvement.\n\n\(organisation)",
                 kind: "pledge_received")
    }

    static func pledgeNotice(donor: String, link: String) -> MailText {
        MailText(subject: "Grande Collecte : promesse de \(donor)", body: link, kind: "pledge_notice")
    }
}
