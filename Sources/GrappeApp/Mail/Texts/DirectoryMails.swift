/// The directory: a correction or removal asked by the public, and the answer.
enum DirectoryMails {
    static func request(name: String, email: String, kind: String, company: String, message: String, link: String) -> MailText {
        MailText(subject: "Annuaire : demande de \(kind) pour \(company)",
                 body: "\(name) <\(email)> demande : \(kind) de la fiche « \(company) ».\n\n\(message)\n\nÀ traiter : \(link)",
                 kind: "directory_request")
    }

    static func decision(requester: String, company: String, outcome: String, note: String) -> MailText {
        MailText(subject: "Votre demande sur la fiche « \(company) »",
                 body: "Bonjour \(requester),\n\n\(outcome)\(note.isEmpty ? "" : "\n\n\(note)")\n\nMerci de nous aider à garder l'annuaire à jour.",
                 kind: "directory_decision")
    }
}
