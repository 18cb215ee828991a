import Fluent
import Foundation
import GrappeDomain
import NIOCore
import Testing
import Vapor
@testable import GrappeApp

/// Shared helpers of the newsletter tests: the expected audiences are computed here with plain
/// Fluent queries, independently of the app's SQL.
private struct LetterKit {
    static let body = "# Les nouvelles du cluster\n\nBonjour à toutes et à tous, voici **les nouvelles** du mois."

    static func client(_ app: Application, _ email: String) async throws -> TestClient {
        let client = TestClient(app)
        try await client.login(email)
        return client
    }

    static func normalised(_ emails: [String]) -> Set<String> {
        Set(emails.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter(FieldCheck.isEmail))
    }

    /// Contacts of the companies with an active membership in the latest membership year.
    static func memberEmails(_ app: Application) async throws -> Set<String> {
        let year = try #require(try await Membership.query(on: app.db).max(\.$year))
        let companies = try await Membership.query(on: app.db).filter(\.$year == year).filter(\.$status == .active).all().map { $0.$company.id }
        let people = try await CompanyContact.query(on: app.db).filter(\.$company.$id ~~ companies).all().map { $0.$person.id }
        return normalised(try await Person.query(on: app.db).filter(\.$id ~~ people).all().map(\.email))
    }

    /// Active members (admitted, not mere requests) of the groups.
    static func groupEmails(_ app: Application, _ groups: [UUID]) async throws -> Set<String> {
        let people = try await GroupMember.query(on: app.db).filter(\.$group.$id ~~ groups).filter(\.$active == true)
            .filter(\.$status == .member).all().map { $0.$person.id }
        return normalised(try await Person.query(on: app.db).filter(\.$id ~~ people).all().map(\.email))
    }

    static func subscriberEmails(_ app: Application) async throws -> Set<String> {
        normalised(try await Subscriber.query(on: app.db).filter(\.$status == .confirmed).filter(\.$publicList == true).all().map(\.email))
    }

    static func expected(_ app: Application, members: Bool = false, subscribers: Bool = false, groups: [UUID] = []) async throws -> Set<String> {
        var all = Set<String>()
        if members { all.formUnion(try await memberEmails(app)) }
        if !groups.isEmpty { all.formUnion(try await groupEmails(app, groups)) }
        if subscribers { all.formUnion(try await subscriberEmails(app)) }
        let gone = Set(try await Subscriber.query(on: app.db).filter(\.$status == .unsubscribed).all().map(\.email))
        return all.subtracting(gone)
    }

    static func group(_ app: Application, _ slug: String) async throws -> Group {
        try #require(try await Group.query(on: app.db).filter(\.$slug == slug).first())
    }

    static func fields(subject: String, body: String = LetterKit.body, members: Bool = false, subscribers: Bool = false, groups: [UUID] = []) -> [(String, String)] {
        var fields = [("subject", subject), ("body", body)]
        if members { fields.append(("members", "1")) }
        if subscribers { fields.append(("subscribers", "1")) }
        fields += groups.map { ("groups[]", $0.uuidString) }
        return fields
    }

    /// Creates a draft through the form and returns its id.
    static func draft(_ staff: TestClient, subject: String, members: Bool = false, subscribers: Bool = false, groups: [UUID] = []) async throws -> UUID {
        let page = try await staff.post("/lettres/nouvelle", fields(subject: subject, members: members, subscribers: subscribers, groups: groups))
        #expect(page.status == .seeOther, "draft refused: \(page.status)")
        let location = try #require(page.location)
        return try #require(UUID(uuidString: String(location.dropFirst("/lettres/".count))))
    }

    /// Creates a draft and sends it; returns its id.
    static func send(_ staff: TestClient, subject: String, members: Bool = false, subscribers: Bool = false, groups: [UUID] = []) async throws -> UUID {
        let id = try await draft(staff, subject: subject, members: members, subscribers: subscribers, groups: groups)
        try await staff.get("/lettres/\(id.uuidString)")
        let sent = try await staff.post("/lettres/\(id.uuidString)/envoyer")
        #expect(sent.status == .seeOther)
        return id
    }

    static func messages(_ app: Application, issue: UUID) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$newsletterID == issue).all()
    }

    static func recipients(_ app: Application, issue: UUID) async throws -> [String] {
        try await messages(app, issue: issue).map(\.recipient).sorted()
    }

    static func outbox(_ app: Application, kind: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$kind == kind).sort(\.$createdAt).all()
    }

    static func row(_ app: Application, _ email: String) async throws -> Subscriber {
        try #require(try await Subscriber.query(on: app.db).filter(\.$email == email).first(), "no subscriber row for \(email)")
    }

    /// The one-click link of a queued issue message, from its List-Unsubscribe header.
    static func unsubscribeURL(_ message: OutboxMessage) throws -> String {
        let value = try #require(message.extraHeaders.first { $0.0 == "List-Unsubscribe" }?.1)
        #expect(value.hasPrefix("<") && value.hasSuffix(">"))
        return String(value.dropFirst().dropLast())
    }

    static func path(_ app: Application, _ url: String) -> String {
        url.hasPrefix(app.baseURL) ? String(url.dropFirst(app.baseURL.count)) : url
    }

    /// The path of the link in a confirmation email.
    static func confirmationPath(_ app: Application, _ mail: OutboxMessage) throws -> String {
        let range = try #require(mail.body.range(of: #"/lettre/confirmation/[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(mail.body[range])
    }

    /// RFC 8058: a POST with `List-Unsubscribe=One-Click`, without cookie nor CSRF token, as a mail client sends it.
    static func oneClick(_ app: Application, _ path: String) async throws -> TestClient.Page {
        try await TestClient(app).send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                       body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
    }

    /// Public sign-up through the form; returns the confirmation email.
    static func signUp(_ app: Application, _ email: String) async throws -> OutboxMessage {
        let visitor = TestClient(app)
        try await visitor.get("/lettre")
        let page = try await visitor.post("/lettre", ["email": email, "consent": "1"])
        #expect(page.status == .seeOther)
        #expect(page.location == "/lettre")
        return try #require(try await outbox(app, kind: "newsletter_confirm").last { $0.recipient == email.lowercased() })
    }

    /// Quoted-printable (RFC 2045) to text.
    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
               let byte = UInt8(String(decoding: joined[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension AppTests {
    @Suite struct NewsletterTests {
        @Test func onlyStaffReachTheIssues() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let id = try await LetterKit.draft(staff, subject: "Lettre interne", subscribers: true).uuidString
                let visitor = TestClient(app)
                for path in ["/lettres", "/lettres/nouvelle", "/lettres/\(id)"] {
                    let page = try await visitor.get(path)
                    #expect(page.status == .seeOther, "\(path) for a visitor")
                    #expect(page.location?.hasPrefix("/connexion?retour=") == true, "\(path): \(page.location ?? "")")
                }
                for email in [DemoData.memberEmail, DemoData.boardEmail] {
                    let client = try await LetterKit.client(app, email)
                    for path in ["/lettres", "/lettres/nouvelle", "/lettres/\(id)", "/lettres/\(id)/modifier"] {
                        #expect(try await client.get(path).status == .forbidden, "\(path) for \(email)")
                    }
                    #expect(try await client.post("/lettres/nouvelle", LetterKit.fields(subject: "Pirate", subscribers: true)).status == .forbidden)
                    #expect(try await client.post("/lettres/\(id)/test").status == .forbidden)
                    #expect(try await client.post("/lettres/\(id)/envoyer").status == .forbidden)
                }
                #expect(try await Newsletter.query(on: app.db).count() == 1)
                #expect(try await Newsletter.find(UUID(uuidString: id), on: app.db)?.status == .draft)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind ~~ ["newsletter", "newsletter_test"]).count() == 0)
                #expect(try await staff.get("/lettres/\(UUID().uuidString)").status == .notFound)
                let index = try await staff.get("/lettres")
                #expect(index.status == .ok)
                #expect(index.body.contains("\(try await LetterKit.subscriberEmails(app).count) abonnés publics confirmés"))
            }
        }

        @Test func invalidIssuesAreRefusedInFrenchWithTheirValuesKept() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let club = try await LetterKit.group(app, "club-dsi")
                let all = try await staff.post("/lettres/nouvelle", [("subject", " "), ("body", "Trop court"), ("groups[]", UUID().uuidString)])
                #expect(all.status == .badRequest)
                #expect(all.body.contains("3 erreurs empêchent l&#39;enregistrement"))
                #expect(all.body.contains("L&#39;objet est obligatoire."))
                #expect(all.body.contains("Le texte est trop court (20 caractères au moins)."))
                #expect(all.body.contains("Choisissez au moins un public."), "an unknown group is no audience")
                #expect(all.body.contains(">Trop court</textarea>"))

                let kept = try await staff.post("/lettres/nouvelle", LetterKit.fields(subject: "Lettre d'avril", body: "Court", subscribers: true, groups: [club.id!]))
                #expect(kept.status == .badRequest)
                #expect(kept.body.contains("Une erreur empêche l&#39;enregistrement"))
                #expect(kept.body.contains("value=\"Lettre d&#39;avril\""))
                #expect(kept.body.contains(">Court</textarea>"))
                #expect(kept.body.contains("name=\"subscribers\" value=\"1\" checked"))
                #expect(!kept.body.contains("name=\"members\" value=\"1\" checked"))
                #expect(kept.body.contains("value=\"\(club.id!.uuidString)\" checked"), "the chosen group stays ticked")

                let long = String(repeating: "x", count: 151)
                let tooLong = try await staff.post("/lettres/nouvelle", LetterKit.fields(subject: long, members: true))
                #expect(tooLong.status == .badRequest)
                #expect(tooLong.body.contains("150 caractères au maximum."))
                #expect(tooLong.body.contains("name=\"members\" value=\"1\" checked"))
                #expect(try await Newsletter.query(on: app.db).count() == 0)
            }
        }

        @Test func previewCountsEachAddressOnceAcrossAudiences() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let commission = try await LetterKit.group(app, "cybersecurite")
                let club = try await LetterKit.group(app, "club-dsi")
                let groups = [commission.id!, club.id!]
                let members = try await LetterKit.memberEmails(app)
                let inGroups = try await LetterKit.groupEmails(app, groups)
                let subscribers = try await LetterKit.subscriberEmails(app)
                let union = try await LetterKit.expected(app, members: true, subscribers: true, groups: groups)
                #expect(!members.isDisjoint(with: inGroups), "the test needs people in both audiences")
                #expect(union.count < members.count + inGroups.count + subscribers.count)

                for (subject, m, s, g, expected) in [
                    ("Tout le monde", true, true, groups, union),
                    ("Abonnés", false, true, [UUID](), subscribers),
                    ("Adhérents", true, false, [UUID](), members),
                    ("Groupes", false, false, groups, inGroups),
                ] {
                    let id = try await LetterKit.draft(staff, subject: subject, members: m, subscribers: s, groups: g)
                    let page = try await staff.get("/lettres/\(id.uuidString)")
                    #expect(page.status == .ok)
                    #expect(page.body.contains("Envoyer à \(French.count(expected.count, "destinataire", "destinataires"))"), "\(subject): \(expected.count) expected")
                }
                let everyone = try #require(try await Newsletter.query(on: app.db).filter(\.$subject == "Tout le monde").first())
                let page = try await staff.get("/lettres/\(everyone.id!.uuidString)")
                #expect(page.body.contains("Destinataires : contacts des adhérents + \(HTML.escape(club.name)), \(HTML.escape(commission.name)) + abonnés publics."))
                #expect(page.body.contains("<h2>Les nouvelles du cluster</h2>"), "HTML preview")
                #expect(page.body.contains("<strong>les nouvelles</strong>"))
                #expect(page.body.contains("Brouillon"))
            }
        }

        @Test func testCopyGoesToTheStaffMemberOnly() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let id = try await LetterKit.draft(staff, subject: "Lettre de mai", members: true, subscribers: true)
                try await staff.get("/lettres/\(id.uuidString)")
                let done = try await staff.post("/lettres/\(id.uuidString)/test")
                #expect(done.status == .seeOther)
                #expect(try await staff.get(done.location!).body.contains("Test envoyé à \(DemoData.managerEmail)."))
                let tests = try await LetterKit.outbox(app, kind: "newsletter_test")
                #expect(tests.count == 1)
                let test = try #require(tests.first)
                #expect(test.recipient == DemoData.managerEmail)
                #expect(test.subject == "[TEST] Lettre de mai")
                #expect(test.body.contains("Les nouvelles du cluster"))
                #expect(test.headers?.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click") == true)
                #expect(try await LetterKit.outbox(app, kind: "newsletter").isEmpty)
                #expect(try await Newsletter.find(id, on: app.db)?.status == .draft, "a test does not send the issue")
            }
        }

        @Test func sendingQueuesOneMessagePerAddressWithOneClickHeadersOnlyOnce() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let groups = [try await LetterKit.group(app, "cybersecurite").id!, try await LetterKit.group(app, "club-rssi").id!]
                let expected = try await LetterKit.expected(app, members: true, subscribers: true, groups: groups)
                let id = try await LetterKit.draft(staff, subject: "Lettre de juin", members: true, subscribers: true, groups: groups)
                try await staff.get("/lettres/\(id.uuidString)")
                let sent = try await staff.post("/lettres/\(id.uuidString)/envoyer")
                #expect(sent.status == .seeOther)
                #expect(sent.location == "/lettres/\(id.uuidString)")
                let page = try await staff.get(sent.location!)
                #expect(page.body.contains("Lettre confiée à la boîte d&#39;envoi pour \(French.count(expected.count, "destinataire", "destinataires"))."))

                let messages = try await LetterKit.messages(app, issue: id)
                #expect(messages.count == expected.count)
                #expect(Set(messages.map(\.recipient)) == expected)
                #expect(Set(messages.map(\.recipient)).count == messages.count, "each address once")
                for message in messages {
                    #expect(message.kind == "newsletter")
                    #expect(message.subject == "Lettre de juin")
                    #expect(message.status == .pending)
                    let row = try await LetterKit.row(app, message.recipient)
                    let link = "\(app.baseURL)/lettre/desabonnement/\(row.token)"
                    let headers = message.headers ?? ""
                    #expect(headers.contains("List-Unsubscribe: <\(link)>"), "\(message.recipient): \(headers)")
                    #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
                    #expect(message.body.contains("Se désabonner en un clic : \(link)"))
                    #expect(!message.body.contains("**"), "the text part is plain text")
                }
                let issue = try #require(try await Newsletter.find(id, on: app.db))
                #expect(issue.status == .sent)
                #expect(issue.sentAt != nil)
                #expect(issue.recipientCount == expected.count)
                #expect(page.body.contains("0 envoyé, \(expected.count) en attente, 0 en échec sur \(French.count(expected.count, "destinataire", "destinataires"))."))
                #expect(page.body.contains("<meta http-equiv=\"refresh\""), "the page refreshes while messages wait")
                #expect(!page.body.contains("/envoyer\""), "no second send button")

                let again = try await staff.post("/lettres/\(id.uuidString)/envoyer")
                #expect(again.status == .seeOther)
                #expect(try await staff.get(again.location!).body.contains("Cette lettre a déjà été envoyée."))
                #expect(try await LetterKit.messages(app, issue: id).count == expected.count, "sending twice is refused")
                let edit = try await staff.get("/lettres/\(id.uuidString)/modifier")
                #expect(edit.status == .seeOther)
                #expect(try await staff.get(edit.location!).body.contains("Une lettre envoyée ne se modifie plus."))
                #expect(try await staff.post("/lettres/\(id.uuidString)/modifier", LetterKit.fields(subject: "Autre", members: true)).status == .seeOther)
                #expect(try await Newsletter.find(id, on: app.db)?.subject == "Lettre de juin")
                #expect(try await staff.get("/lettres").body.contains("<td class=\"num\">\(expected.count)</td>"))
            }
        }

        @Test func publicSignUpIsDoubleOptIn() async throws {
            try await withGrappe(demo: true) { app in
                let form = try await TestClient(app).get("/lettre")
                #expect(form.status == .ok)
                #expect(form.body.contains("name=\"\(PublicFormGuard.honeypotField)\""))
                #expect(form.body.contains(HTML.escape(NewsletterService.consentWording)))

                let mail = try await LetterKit.signUp(app, "Nouveau.Lecteur@Exemple.NC")
                let email = "nouveau.lecteur@exemple.nc"
                let row = try await LetterKit.row(app, email)
                #expect(row.status == .pending)
                #expect(row.publicList)
                #expect(mail.subject.hasPrefix("Confirmez votre inscription"))
                let confirmPath = try LetterKit.confirmationPath(app, mail)
                #expect(confirmPath == "/lettre/confirmation/\(row.token)")
                #expect(mail.body.contains(app.baseURL + confirmPath))
                #expect(try await Consent.query(on: app.db).filter(\.$email == email).count() == 0, "no consent before confirmation")

                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let before = try await LetterKit.expected(app, subscribers: true)
                #expect(!before.contains(email))
                let first = try await LetterKit.send(staff, subject: "Avant confirmation", subscribers: true)
                #expect(try await LetterKit.recipients(app, issue: first) == before.sorted())

                let confirmed = try await TestClient(app).get(confirmPath)
                #expect(confirmed.status == .ok)
                #expect(confirmed.body.contains("Inscription confirmée"))
                #expect(confirmed.body.contains(email))
                let after = try await LetterKit.row(app, email)
                #expect(after.status == .confirmed)
                #expect(after.confirmedAt != nil)
                let consents = try await Consent.query(on: app.db).filter(\.$email == email).all()
                #expect(consents.count == 1)
                #expect(consents.first?.purpose == "newsletter")
                #expect(consents.first?.wording == NewsletterService.consentWording)
                #expect(abs(consents.first?.givenAt.timeIntervalSinceNow ?? 999) < 120)
                #expect(try await TestClient(app).get(confirmPath).status == .ok)
                #expect(try await Consent.query(on: app.db).filter(\.$email == email).count() == 1, "following the link twice records one consent")

                let expected = try await LetterKit.expected(app, subscribers: true)
                #expect(expected == before.union([email]))
                let second = try await LetterKit.send(staff, subject: "Après confirmation", subscribers: true)
                #expect(try await LetterKit.recipients(app, issue: second) == expected.sorted())

                // Signing up again with a confirmed address sends nothing and says the same.
                let mails = try await LetterKit.outbox(app, kind: "newsletter_confirm").count
                let visitor = TestClient(app)
                try await visitor.get("/lettre")
                let repeated = try await visitor.post("/lettre", ["email": email, "consent": "1"])
                #expect(repeated.status == .seeOther)
                #expect(try await visitor.get("/lettre").body.contains("consultez votre messagerie pour confirmer votre inscription"))
                #expect(try await LetterKit.outbox(app, kind: "newsletter_confirm").count == mails)
                #expect(try await TestClient(app).get("/lettre/confirmation/pas-un-vrai-jeton-de-confirmation").status == .notFound)
            }
        }

        @Test func signUpFormValidationHoneypotAndCSRF() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                try await visitor.get("/lettre")
                let refused = try await visitor.post("/lettre", ["email": "pas-une-adresse"])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("Adresse e-mail invalide."))
                #expect(refused.body.contains("Cochez la case pour accepter de recevoir la lettre."))
                #expect(refused.body.contains("value=\"pas-une-adresse\""))
                let noConsent = try await visitor.post("/lettre", ["email": "sans.case@exemple.nc"])
                #expect(noConsent.status == .badRequest)
                #expect(noConsent.body.contains("Cochez la case pour accepter de recevoir la lettre."))
                #expect(!noConsent.body.contains("Adresse e-mail invalide."))
                #expect(noConsent.body.contains("value=\"sans.case@exemple.nc\""))

                let bot = try await visitor.post("/lettre", ["email": "robot@exemple.nc", "consent": "1", PublicFormGuard.honeypotField: "http://spam.example"])
                #expect(bot.status == .seeOther, "a bot is not told it was caught")
                #expect(try await Subscriber.query(on: app.db).count() == 0)
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)

                let forged = try await TestClient(app).post("/lettre", ["email": "force@exemple.nc", "consent": "1"], csrf: false)
                #expect(forged.status == .forbidden, "the sign-up form itself needs its CSRF token")
                #expect(try await Subscriber.query(on: app.db).count() == 0)
            }
        }

        @Test func signUpsAreRateLimitedPerAddress() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                try await visitor.get("/lettre")
                let limit = app.publicFormLimiter.limit
                for index in 1...limit {
                    let page = try await visitor.post("/lettre", ["email": "lecteur\(index)@exemple.nc", "consent": "1"])
                    #expect(page.status == .seeOther, "sign-up \(index) of \(limit)")
                }
                let limited = try await visitor.post("/lettre", ["email": "un.de.trop@exemple.nc", "consent": "1"])
                #expect(limited.status == .tooManyRequests)
                #expect(limited.body.contains("Trop d&#39;envois depuis cette adresse : réessayez dans quelques minutes."))
                #expect(limited.body.contains("value=\"un.de.trop@exemple.nc\""))
                #expect(try await Subscriber.query(on: app.db).count() == limit)
                #expect(try await Subscriber.query(on: app.db).filter(\.$email == "un.de.trop@exemple.nc").count() == 0)
            }
        }

        @Test func oneClickUnsubscribeWorksWithoutCookieOrCSRFAndTheNextIssueSkipsTheAddress() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let first = try await LetterKit.send(staff, subject: "Lettre de juillet", members: true, subscribers: true)
                let messages = try await LetterKit.messages(app, issue: first)
                let reader = try #require(messages.first { $0.recipient == "lecteur.un@exemple.nc" })
                let members = try await LetterKit.memberEmails(app)
                let contact = try #require(messages.first { members.contains($0.recipient) && $0.recipient != DemoData.memberEmail })

                let readerPath = LetterKit.path(app, try LetterKit.unsubscribeURL(reader))
                #expect(Site.subscriptionUnsubscribe.matches(readerPath) && CSRFMiddleware.isTokenAuthorised(.POST, path: readerPath))
                let landing = try await TestClient(app).get(readerPath)
                #expect(landing.status == .ok)
                #expect(landing.body.contains("Ne plus envoyer la lettre à lecteur.un@exemple.nc ?"))
                #expect(landing.body.contains("action=\"\(readerPath)\""))
                #expect(try await LetterKit.row(app, "lecteur.un@exemple.nc").status == .confirmed, "showing the page changes nothing")

                let done = try await LetterKit.oneClick(app, readerPath)
                #expect(done.status == .ok)
                #expect(done.body.contains("Désabonnement confirmé"))
                let row = try await LetterKit.row(app, "lecteur.un@exemple.nc")
                #expect(row.status == .unsubscribed)
                #expect(row.unsubscribedAt != nil)
                let consent = try #require(try await Consent.query(on: app.db).filter(\.$email == "lecteur.un@exemple.nc").filter(\.$purpose == "newsletter").first())
                #expect(consent.withdrawnAt != nil, "the consent is marked withdrawn")
                #expect(try await LetterKit.oneClick(app, readerPath).status == .ok, "a second click is harmless")
                #expect(try await TestClient(app).get(readerPath).body.contains("lecteur.un@exemple.nc ne reçoit plus la lettre."))

                // A member contact's row works the same way.
                let contactPath = LetterKit.path(app, try LetterKit.unsubscribeURL(contact))
                #expect(try await LetterKit.oneClick(app, contactPath).status == .ok)
                #expect(try await LetterKit.row(app, contact.recipient).status == .unsubscribed)

                #expect(try await LetterKit.oneClick(app, "/lettre/desabonnement/jeton-inconnu-mais-assez-long").status == .notFound)
                #expect(try await TestClient(app).get("/lettre/confirmation/\(row.token)").status == .notFound,
                        "an old confirmation link does not subscribe again")

                let expected = try await LetterKit.expected(app, members: true, subscribers: true)
                #expect(!expected.contains("lecteur.un@exemple.nc"))
                #expect(!expected.contains(contact.recipient))
                let second = try await LetterKit.send(staff, subject: "Lettre d'août", members: true, subscribers: true)
                let nextRecipients = try await LetterKit.recipients(app, issue: second)
                #expect(nextRecipients == expected.sorted())
                #expect(nextRecipients.count == messages.count - 2)
            }
        }

        @Test func anUnconfirmedPublicSignUpDoesNotUndoAnUnsubscribe() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let first = try await LetterKit.send(staff, subject: "Lettre de septembre", members: true)
                let contact = try #require(try await LetterKit.messages(app, issue: first).first { $0.recipient != DemoData.memberEmail })
                #expect(try await LetterKit.oneClick(app, LetterKit.path(app, try LetterKit.unsubscribeURL(contact))).status == .ok)
                let expected = try await LetterKit.expected(app, members: true)
                #expect(!expected.contains(contact.recipient))

                // Anyone can type that address in the public form; nobody confirms.
                _ = try await LetterKit.signUp(app, contact.recipient)
                let second = try await LetterKit.send(staff, subject: "Lettre d'octobre", members: true)
                let recipients = try await LetterKit.recipients(app, issue: second)
                #expect(try await LetterKit.row(app, contact.recipient).status == .pending)
                #expect(!recipients.contains(contact.recipient), "an unconfirmed sign-up must not re-subscribe an address that had unsubscribed")
                #expect(recipients.count == expected.count)
            }
        }

        @Test func theCSRFExemptionCoversOnlyTheUnsubscribeLinks() async throws {
            try await withGrappe(demo: true) { app in
                let member = try await LetterKit.client(app, DemoData.memberEmail)
                #expect(try await member.post("/compte/donnees/effacement", ["message": "forgé"], csrf: false).status == .forbidden)
                for path in ["/lettre/desabonnement/../../compte/donnees/effacement",
                             "/lettre/desabonnement/%2e%2e/%2e%2e/compte/donnees/effacement"] {
                    let page = try await member.post(path, ["message": "forgé"], csrf: false)
                    #expect(page.status != .seeOther, "\(path) answered \(page.status)")
                }
                #expect(try await DataRequest.query(on: app.db).count() == 0, "no forged request went through")
            }
        }

        @Test func previewAndListEscapeTheIssue() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let created = try await staff.post("/lettres/nouvelle", LetterKit.fields(
                    subject: "<script>alert('objet')</script>",
                    body: "Texte <script>alert(1)</script> et [piège](javascript:alert(1)) pour les abonnés.", subscribers: true))
                #expect(created.status == .seeOther)
                for page in [try await staff.get(created.location!), try await staff.get("/lettres")] {
                    #expect(!page.body.contains("<script>alert"))
                    #expect(page.body.contains("&lt;script&gt;alert(&#39;objet&#39;)&lt;/script&gt;"))
                    #expect(page.body.range(of: #"href\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]) == nil)
                }
                #expect(try await staff.get(created.location!).body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }

        @Test func clubJoinRequestsAreNotInTheClubAudience() async throws {
            try await withGrappe(demo: true) { app in
                let member = try await LetterKit.client(app, DemoData.memberEmail)
                let personID = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.memberEmail).first()?.$person.id)
                let clubs = try await Group.query(on: app.db).filter(\.$kind == .club).filter(\.$active == true).all()
                var club: Group?
                for candidate in clubs {
                    let links = try await GroupMember.query(on: app.db).filter(\.$group.$id == candidate.id!).filter(\.$person.$id == personID).count()
                    if links == 0 { club = candidate; break }
                }
                let chosen = try #require(club, "a club the SKAZY contact is not in")
                try await member.get("/groupes/\(chosen.slug)")
                let asked = try await member.post("/groupes/\(chosen.slug)/rejoindre", ["message": "Je souhaite rejoindre le club."])
                #expect(asked.status == .seeOther)
                let request = try #require(try await GroupMember.query(on: app.db).filter(\.$group.$id == chosen.id!).filter(\.$person.$id == personID).first())
                #expect(request.status == .pending)

                let staff = try await LetterKit.client(app, DemoData.managerEmail)
                let expected = try await LetterKit.expected(app, groups: [chosen.id!])
                #expect(!expected.contains(DemoData.memberEmail))
                let pendingDraft = try await LetterKit.draft(staff, subject: "Au club (demande en attente)", groups: [chosen.id!])
                #expect(try await staff.get("/lettres/\(pendingDraft.uuidString)").body.contains("Envoyer à \(French.count(expected.count, "destinataire", "destinataires"))"),
                        "a pending request is not a member")

                let declined = try await staff.post("/groupes/\(chosen.slug)/demandes/\(personID.uuidString)/refuser")
                #expect(declined.status == .seeOther)
                #expect(try await GroupMember.find(request.id, on: app.db)?.status == .declined)
                let issue = try await LetterKit.send(staff, subject: "Au club (demande refusée)", groups: [chosen.id!])
                let recipients = try await LetterKit.recipients(app, issue: issue)
                #expect(!recipients.contains(DemoData.memberEmail), "a declined request is not a member")
                #expect(recipients == expected.sorted())
            }
        }

        @Test func endToEndThroughARealSMTPServer() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer()
                let port = try await server.start(group: app.eventLoopGroup)
                let smtp = try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "smtp", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(port), "SMTP_STARTTLS": "0"],
                                                         testing: true)
                var config = app.config
                config.mail = smtp.mail
                app.config = config

                // Two readers sign up and confirm through the link they were sent.
                let readers = ["lecteur.smtp@exemple.nc", "lectrice.smtp@exemple.nc"]
                for email in readers {
                    let mail = try await LetterKit.signUp(app, email)
                    #expect(try await TestClient(app).get(try LetterKit.confirmationPath(app, mail)).status == .ok)
                }
                // A third never confirms.
                _ = try await LetterKit.signUp(app, "jamais.confirme@exemple.nc")

                let staff = try await Fixtures.staffClient(app)
                let id = try await LetterKit.send(staff, subject: "Lettre SMTP", subscribers: true)
                let issuePath = "/lettres/\(id.uuidString)"
                #expect(try await LetterKit.recipients(app, issue: id) == readers.sorted())
                #expect(try await staff.get(issuePath).body.contains("0 envoyé, 2 en attente, 0 en échec sur 2 destinataires."))

                var delivered = 0
                while true {
                    let sent = try await MailDelivery.deliverBatch(app: app)
                    if sent == 0 { break }
                    delivered += sent
                }
                #expect(delivered == (try await OutboxMessage.query(on: app.db).count()), "everything queued was delivered")
                let letters = server.messages.filter { $0.data.contains("List-Unsubscribe:") }
                #expect(letters.count == readers.count)
                #expect(Set(letters.flatMap(\.to)) == Set(readers.map { "<\($0)>" }))
                for received in letters {
                    let parts = received.data.components(separatedBy: "\r\n\r\n")
                    let head = parts[0].components(separatedBy: "\r\n")
                    let body = LetterKit.decodeQuotedPrintable(parts.dropFirst().joined(separator: "\r\n\r\n"))
                    let email = String(try #require(received.to.first).dropFirst().dropLast())
                    let row = try await LetterKit.row(app, email)
                    let link = "\(app.baseURL)/lettre/desabonnement/\(row.token)"
                    #expect(head.contains("Subject: Lettre SMTP"))
                    #expect(head.contains("List-Unsubscribe: <\(link)>"), "\(email): \(head)")
                    #expect(head.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
                    #expect(body.contains("Se désabonner en un clic : \(link)"))
                    #expect(body.contains("Les nouvelles du cluster"))
                }
                let stored = try await LetterKit.messages(app, issue: id)
                #expect(stored.allSatisfy { $0.status == .sent && $0.sentAt != nil })
                let progress = try await staff.get(issuePath)
                #expect(progress.body.contains("2 envoyés, 0 en attente, 0 en échec sur 2 destinataires."))
                #expect(progress.body.contains("<progress max=\"2\" value=\"2\">"))
                #expect(!progress.body.contains("http-equiv=\"refresh\""), "nothing left to wait for")

                // The link as received works, in one click.
                let first = try #require(letters.first)
                let received = LetterKit.decodeQuotedPrintable(first.data)
                let range = try #require(received.range(of: #"/lettre/desabonnement/[A-Za-z0-9_-]+"#, options: .regularExpression))
                #expect(try await LetterKit.oneClick(app, String(received[range])).status == .ok)
                let email = String(try #require(first.to.first).dropFirst().dropLast())
                #expect(try await LetterKit.row(app, email).status == .unsubscribed)
                await server.stop()
            }
        }
    }
}
