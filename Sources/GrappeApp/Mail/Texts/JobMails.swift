/// Job offers: an offer hidden by the staff, to the person who posted it.
enum JobMails {
    static func hidden(poster: String, title: String, note: String) -> MailText {
        MailText(subject: "Votre offre « \(title) » a été masquée",
                 body: "Bonjour \(poster),\n\nL'équipe du cluster a masqué votre offre « \(title) ».\(note.isEmpty ? "" : "\n\nMotif : \(note)")\n\nVous pouvez la modifier puis nous écrire pour qu'elle soit republiée.",
                 kind: "job_moderation")
    }
}
