import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The newsletter pages drawn from issues in memory: no database, no request.
@Suite struct NewsletterViewTests {
    static func issue(status: Newsletter.Status = .draft, subject: String = "Rentrée <numérique>") -> Newsletter {
        let n = Newsletter(organisationID: UUID(), createdBy: nil)
        n.id = UUID()
        n.subject = subject
        n.body = "Bonjour à **tous**"
        n.status = status
        n.recipientCount = status == .sent ? 12 : 0
        return n
    }

    static func club(_ name: String) -> Group {
        let g = Group(organisationID: UUID(), kind: .club, name: name, slug: "club", about: "", foundedOn: nil)
        g.id = UUID()
        return g
    }

    @Test func theListLinksEachIssueAndSaysWhenThereIsNone() {
        let n = Self.issue()
        let html = NewsletterView.list([n, Self.issue(subject: "")], subscribers: 7).raw
        #expect(html.contains("<a href=\"\(Site.newsletterShow.path(n))\">Rentrée &lt;numérique&gt;</a>"))
        #expect(html.contains("(sans objet)") && html.contains("7 abonnés publics confirmés"))
        let empty = NewsletterView.list([], subscribers: 0).raw
        #expect(empty.contains("Aucune lettre pour le moment.") && !empty.contains("<table"))
    }

    @Test func theFormTicksTheChosenGroupsAndShowsTheAudienceError() {
        let chosen = Self.club("Club <Swift>"), other = Self.club("Club Web")
        var form = FormState(values: ["subject": "Objet"])
        form.errors["audience"] = "Choisissez au moins un public."
        let html = NewsletterView.form(action: Site.newsletterCreate.path(), form: form, groups: [chosen, other],
                                       selectedGroups: [chosen.id!], csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("value=\"\(chosen.id!.uuidString)\" checked> Club &lt;Swift&gt;</label>"))
        #expect(html.contains("value=\"\(other.id!.uuidString)\"> Club Web</label>"))
        #expect(html.contains("<fieldset class=\"has-error\">") && html.contains("<p class=\"error\">Choisissez au moins un public.</p>"))
        #expect(html.contains("action=\"\(Site.newsletterCreate.path())\" class=\"stack\"><input name=\"_csrf\">"))
    }

    @Test func aDraftOffersTestAndSendWithItsRecipientCount() {
        let n = Self.issue()
        let page = NewsletterPage(newsletter: n, audience: "contacts des adhérents", delivery: .draft(recipients: 42))
        let html = NewsletterView.page(page, csrf: .empty).raw
        #expect(html.contains("href=\"\(Site.newsletterEditForm.path(n))\">Modifier</a>"))
        #expect(html.contains("action=\"\(Site.newsletterSend.path(n))\"") && html.contains("Envoyer à 42 destinataires"))
        #expect(html.contains("<h1>Rentrée &lt;numérique&gt; ") && html.contains("Destinataires : contacts des adhérents."))
        #expect(!html.contains("Distribution") && NewsletterView.head(page).raw.isEmpty)
    }

    @Test func aSentIssueShowsItsDeliveryAndRefreshesWhileMessagesWait() {
        let n = Self.issue(status: .sent)
        let sending = NewsletterPage(newsletter: n, audience: "abonnés publics", delivery: .sent(sent: 6, pending: 4, failed: 2))
        let html = NewsletterView.page(sending, csrf: .empty).raw
        #expect(html.contains("<progress max=\"12\" value=\"8\">66 %</progress>"))
        #expect(html.contains("6 envoyés, 4 en attente, 2 en échec sur 12 destinataires.") && html.contains("href=\"\(Site.outboxIndex.path())\""))
        #expect(!html.contains("Modifier") && !html.contains(Site.newsletterSend.path(n)))
        #expect(NewsletterView.head(sending).raw == "<meta http-equiv=\"refresh\" content=\"10\">")
        let done = NewsletterPage(newsletter: n, audience: "abonnés publics", delivery: .sent(sent: 12, pending: 0, failed: 0))
        #expect(NewsletterView.head(done).raw.isEmpty && !NewsletterView.page(done, csrf: .empty).raw.contains("Voir les échecs"))
    }
}

/// The public newsletter pages drawn without a request.
@Suite struct SubscriptionViewTests {
    static func subscriber(_ status: Subscriber.Status) -> Subscriber {
        Subscriber(organisationID: UUID(), email: "a<b@example.nc", status: status, publicList: true)
    }

    @Test func theSignUpFormKeepsTheAddressAndFlagsTheConsent() {
        var form = FormState(values: ["email": "x\"y@example.nc"])
        form.errors["consent"] = "Cochez la case pour accepter de recevoir la lettre."
        let html = SubscriptionView.form(form, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("action=\"\(Site.subscriptionSignUp.path())\" class=\"stack\"><input name=\"_csrf\"><div class=\"hp\""))
        #expect(html.contains("value=\"x&quot;y@example.nc\""))
        #expect(html.contains("<div class=\"field check has-error\">") && html.contains("Cochez la case pour accepter de recevoir la lettre."))
    }

    @Test func theUnsubscribePageAsksOnceThenSaysItIsDone() {
        let row = Self.subscriber(.confirmed)
        let ask = SubscriptionView.unsubscribeForm(row).raw
        #expect(ask.contains("action=\"\(Site.subscriptionUnsubscribe.path(row.token))\"") && ask.contains("Ne plus envoyer la lettre à a&lt;b@example.nc ?"))
        let done = SubscriptionView.unsubscribeForm(Self.subscriber(.unsubscribed)).raw
        #expect(done.contains("a&lt;b@example.nc ne reçoit plus la lettre.") && !done.contains("<form"))
        #expect(SubscriptionView.confirmed(email: "a<b").raw.contains("Vous recevrez la prochaine lettre à a&lt;b."))
        #expect(SubscriptionView.invalidLink.raw.contains("<a href=\"\(Site.subscriptionForm.path())\">S'inscrire</a>"))
    }
}
