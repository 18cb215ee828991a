/// News written by members: to the staff for review, then the decision to the author.
enum NewsMails {
    static func toReview(author: String, title: String, link: String) -> MailText {
        MailText(subject: "Actualité à relire : \(title)", body: "\(author) propose une actualité.\n\n\(link)", kind: "news_notice")
    }

    static func moderation(author: String, title: String, published: Bool, link: String, note: String) -> MailText {
        MailText(subject: published ? "Votre actualité est publiée" : "Votre actualité n'a pas été publiée",
                 body: "Bonjour \(author),\n\n« \(title) » \(published ? "est en ligne : \(link)" : "n'a pas été retenue.")\(note.isEmpty ? "" : "\n\n\(note)")",
                 kind: "news_moderation")
    }
}
