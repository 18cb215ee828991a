import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

/// Shared helpers of the personal-data tests.
private struct PrivacyKit {
    static func client(_ app: Application, _ email: String, password: String = DemoData.password) async throws -> TestClient {
        let client = TestClient(app)
        try await client.login(email, password)
        return client
    }

    static func user(_ app: Application, _ email: String) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$email == email).first())
    }

    /// Downloads /compte/donnees.json and parses it.
    static func export(_ client: TestClient, query: String = "") async throws -> [String: Any] {
        let page = try await client.get("/compte/donnees.json" + query)
        #expect(page.status == .ok)
        #expect(page.headers.first(name: .contentType)?.hasPrefix("application/json") == true)
        #expect(page.headers.first(name: .contentDisposition)?.contains("attachment") == true)
        #expect(page.headers.first(name: "Cache-Control") == "no-store")
        return try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func section(_ json: [String: Any], _ key: String) -> [String: String] { json[key] as? [String: String] ?? [:] }
    static func list(_ json: [String: Any], _ key: String) -> [[String: String]] { json[key] as? [[String: String]] ?? [] }

    /// The member contact asks for erasure through the page; returns the request.
    static func askErasure(_ app: Application, _ client: TestClient, email: String, message: String = "") async throws -> DataRequest {
        try await client.get("/compte/donnees")
        let asked = try await client.post("/compte/donnees/effacement", ["message": message])
        #expect(asked.status == .seeOther)
        #expect(asked.location == "/compte/donnees")
        return try #require(try await DataRequest.query(on: app.db).filter(\.$email == email).filter(\.$status == .pending).first())
    }

    static func outbox(_ app: Application, kind: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$kind == kind).all()
    }

    /// Signs `email` up to the newsletter and confirms it, through the public pages.
    static func subscribe(_ app: Application, _ email: String) async throws {
        let visitor = TestClient(app)
        try await visitor.get("/lettre")
        #expect(try await visitor.post("/lettre", ["email": email, "consent": "1"]).status == .seeOther)
        let mail = try #require(try await outbox(app, kind: "newsletter_confirm").first { $0.recipient == email })
        let range = try #require(mail.body.range(of: #"/lettre/confirmation/[A-Za-z0-9_-]+"#, options: .regularExpression))
        #expect(try await visitor.get(String(mail.body[range])).status == .ok)
    }

    static func expectLoginRedirect(_ page: TestClient.Page, _ context: String) {
        #expect(page.status == .seeOther, "\(context): \(page.status)")
        #expect(page.location?.hasPrefix("/connexion?retour=") == true, "\(context): \(page.location ?? "no location")")
    }
}

extension AppTests {
    @Suite struct PrivacyTests {
        @Test func accessRules() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                PrivacyKit.expectLoginRedirect(try await visitor.get("/compte/donnees"), "my data")
                PrivacyKit.expectLoginRedirect(try await visitor.get("/compte/donnees.json"), "my data as JSON")
                PrivacyKit.expectLoginRedirect(try await visitor.get("/donnees-personnelles"), "staff queue")
                PrivacyKit.expectLoginRedirect(try await visitor.post("/compte/donnees/effacement"), "erasure request")
                #expect(try await DataRequest.query(on: app.db).count() == 0)

                let member = try await PrivacyKit.client(app, DemoData.memberEmail)
                let request = try await PrivacyKit.askErasure(app, member, email: DemoData.memberEmail)
                let id = request.id!.uuidString
                for email in [DemoData.memberEmail, DemoData.boardEmail] {
                    let client = email == DemoData.memberEmail ? member : try await PrivacyKit.client(app, email)
                    #expect(try await client.get("/donnees-personnelles").status == .forbidden, "queue for \(email)")
                    #expect(try await client.post("/donnees-personnelles/\(id)/effacer").status == .forbidden, "erase for \(email)")
                    #expect(try await client.post("/donnees-personnelles/\(id)/refuser", ["note": "Non"]).status == .forbidden, "reject for \(email)")
                }
                PrivacyKit.expectLoginRedirect(try await TestClient(app).post("/donnees-personnelles/\(id)/effacer"), "visitor erasing")
                #expect(try await DataRequest.find(request.id, on: app.db)?.status == .pending)
                #expect(try await PrivacyKit.user(app, DemoData.memberEmail).active)
                let staff = try await PrivacyKit.client(app, DemoData.managerEmail)
                #expect(try await staff.get("/donnees-personnelles").status == .ok)
                #expect(try await staff.post("/donnees-personnelles/\(UUID().uuidString)/effacer").status == .notFound)
            }
        }

        @Test func theExportIsAlwaysTheLoggedInAccountsOwn() async throws {
            try await withGrappe(demo: true) { app in
                let memberUser = try await PrivacyKit.user(app, DemoData.memberEmail)
                let staffUser = try await PrivacyKit.user(app, DemoData.managerEmail)
                let personID = try #require(memberUser.$person.id)
                let companies = try await CompanyContact.query(on: app.db).filter(\.$person.$id == personID).with(\.$company).all().map(\.company.name)
                let registrations = try await Registration.query(on: app.db).filter(\.$email == DemoData.memberEmail).count()
                let groups = try await GroupMember.query(on: app.db).filter(\.$person.$id == personID).count()
                #expect(!companies.isEmpty)

                let member = try await PrivacyKit.client(app, DemoData.memberEmail)
                for query in ["", "?email=\(DemoData.managerEmail)", "?user=\(staffUser.id!.uuidString)", "?id=\(staffUser.id!.uuidString)&uid=\(staffUser.id!.uuidString)"] {
                    let json = try await PrivacyKit.export(member, query: query)
                    #expect(PrivacyKit.section(json, "compte")["email"] == DemoData.memberEmail, "query \(query)")
                    #expect(PrivacyKit.section(json, "compte")["role"] == memberUser.role.label)
                    #expect(PrivacyKit.section(json, "personne")["email"] == DemoData.memberEmail)
                    #expect(Set(PrivacyKit.list(json, "entreprises").compactMap { $0["entreprise"] }) == Set(companies))
                    #expect(PrivacyKit.list(json, "inscriptions").count == registrations)
                    #expect(PrivacyKit.list(json, "groupes").count == groups)
                    #expect(json["consentements"] is [Any])
                    #expect(json["demandes"] is [Any])
                    let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
                    #expect(!text.contains(DemoData.managerEmail), "nothing of the staff account leaks")
                }
                #expect(try await member.get("/compte/donnees.json/\(staffUser.id!.uuidString)").status == .notFound)
                #expect(try await member.get("/compte/donnees/\(staffUser.id!.uuidString).json").status == .notFound)

                let staff = try await PrivacyKit.client(app, DemoData.managerEmail)
                let own = try await PrivacyKit.export(staff, query: "?email=\(DemoData.memberEmail)")
                #expect(PrivacyKit.section(own, "compte")["email"] == DemoData.managerEmail, "even staff download only their own data here")
                #expect(PrivacyKit.section(own, "personne")["prenom"] == "Margaux")
            }
        }

        @Test func consentsAreShownWithTheirWordingAndDates() async throws {
            try await withGrappe { app in
                let email = "abonnee@exemple.nc"
                try await Fixtures.user(app, email: email, role: .member)
                let client = try await PrivacyKit.client(app, email, password: Fixtures.password)
                let empty = try await client.get("/compte/donnees")
                #expect(empty.status == .ok)
                #expect(empty.body.contains("Aucun consentement enregistré pour \(email)."))

                try await PrivacyKit.subscribe(app, email)
                let consent = try #require(try await Consent.query(on: app.db).filter(\.$email == email).first())
                let page = try await client.get("/compte/donnees")
                #expect(page.body.contains("<td>Lettre d&#39;information</td>"))
                #expect(page.body.contains("<td>\(HTML.escape(NewsletterService.consentWording))</td>"))
                #expect(page.body.contains(HTML.escape(FrenchDate.dateTime(consent.givenAt))))
                let json = try await PrivacyKit.export(client)
                let listed = try #require(PrivacyKit.list(json, "consentements").first)
                #expect(listed["objet"] == "Lettre d'information")
                #expect(listed["texte"] == NewsletterService.consentWording)
                #expect(listed["donne_le"].flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
                #expect(listed["retire_le"] == "")
                #expect(json["lettre"] as? String == Subscriber.Status.confirmed.label)

                // Unsubscribing withdraws the consent; the page shows when.
                let row = try #require(try await Subscriber.query(on: app.db).filter(\.$email == email).first())
                #expect(try await TestClient(app).post("/lettre/desabonnement/\(row.token)", csrf: false).status == .ok)
                let withdrawn = try #require(PrivacyKit.list(try await PrivacyKit.export(client), "consentements").first)
                #expect(withdrawn["retire_le"].flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
                let after = try await client.get("/compte/donnees")
                let stamp = try #require(try await Consent.query(on: app.db).filter(\.$email == email).first()?.withdrawnAt)
                #expect(after.body.contains(HTML.escape(FrenchDate.dateTime(stamp))))
            }
        }

        @Test func erasedMemberContactCannotLogInAndTheirTracesAreAnonymised() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                let org = try await app.currentOrganisation(on: app.db)
                let memberUser = try await PrivacyKit.user(app, DemoData.memberEmail)
                let personID = try #require(memberUser.$person.id)
                if try await Registration.query(on: app.db).filter(\.$email == DemoData.memberEmail).count() == 0 {
                    let event = try #require(try await ClusterEvent.query(on: app.db).first())
                    try await Registration(eventID: event.id!, personID: personID, name: "Hatem BELLAGI", email: DemoData.memberEmail,
                                           status: .confirmed, token: Tokens.random(bytes: 24)).create(on: app.db)
                }
                let registrationIDs = try await Registration.query(on: app.db).filter(\.$email == DemoData.memberEmail).all().map { $0.id! }
                let othersBefore = try await Registration.query(on: app.db).filter(\.$email != DemoData.memberEmail).count()
                try await PrivacyKit.subscribe(app, DemoData.memberEmail)
                let (candidate, _) = try await CandidateService.create(
                    .init(firstName: "Hatem", lastName: "BELLAGI", email: DemoData.memberEmail, wishedFields: "Développement", message: ""),
                    cv: Array("%PDF-1.4 test".utf8), organisationID: orgID, app: app, on: app.db)
                let cvPath = try CVStore(app: app).path(candidate.cvFile)
                #expect(FileManager.default.fileExists(atPath: cvPath))
                #expect(try await Consent.query(on: app.db).filter(\.$email == DemoData.memberEmail).count() == 2)

                let member = try await PrivacyKit.client(app, DemoData.memberEmail)
                let mine = try await member.get("/compte/donnees")
                #expect(mine.body.contains("action=\"/compte/donnees/effacement\""))
                let request = try await PrivacyKit.askErasure(app, member, email: DemoData.memberEmail, message: "Merci de tout supprimer.")
                #expect(request.$user.id == memberUser.id)
                #expect(request.kind == "erasure")
                #expect(request.message == "Merci de tout supprimer.")
                let pendingPage = try await member.get("/compte/donnees")
                #expect(pendingPage.body.contains("Demande enregistrée : l&#39;équipe vous répondra par e-mail."))
                #expect(pendingPage.body.contains("est en cours de traitement"))
                #expect(!pendingPage.body.contains("action=\"/compte/donnees/effacement\""))
                try await member.post("/compte/donnees/effacement", ["message": "Encore"])
                #expect(try await DataRequest.query(on: app.db).count() == 1, "one pending request at a time")
                let notices = try await PrivacyKit.outbox(app, kind: "privacy_notice")
                #expect(notices.map(\.recipient) == [org.email])
                #expect(notices.first?.body.contains(DemoData.memberEmail) == true)

                let staff = try await PrivacyKit.client(app, DemoData.managerEmail)
                let queue = try await staff.get("/donnees-personnelles")
                #expect(queue.body.contains(DemoData.memberEmail))
                #expect(queue.body.contains("Merci de tout supprimer."))
                #expect(queue.body.contains("action=\"/donnees-personnelles/\(request.id!.uuidString)/effacer\""))
                let erased = try await staff.post("/donnees-personnelles/\(request.id!.uuidString)/effacer")
                #expect(erased.status == .seeOther)
                #expect(try await staff.get(erased.location!).body.contains("Données effacées."))

                let done = try #require(try await PrivacyKit.outbox(app, kind: "privacy_done").first)
                #expect(done.recipient == DemoData.memberEmail, "the person is told at the address they had")
                let user = try #require(try await User.find(memberUser.id, on: app.db))
                #expect(!user.active)
                #expect(user.email != DemoData.memberEmail)
                #expect(user.displayName == "Compte effacé")
                let person = try #require(try await Person.find(personID, on: app.db))
                #expect(person.firstName == "Personne")
                #expect(person.lastName == "effacée")
                #expect(person.email.isEmpty)
                #expect(person.phone.isEmpty)
                #expect(try await CompanyContact.query(on: app.db).filter(\.$person.$id == personID).count() > 0, "the company keeps its (anonymous) contact")

                // No more login, and the open session is closed.
                let retry = TestClient(app)
                try await retry.get("/connexion")
                let refused = try await retry.post("/connexion", ["email": DemoData.memberEmail, "password": DemoData.password])
                #expect(refused.status == .unauthorized)
                #expect(refused.body.contains("Adresse e-mail ou mot de passe incorrect."))
                PrivacyKit.expectLoginRedirect(try await member.get("/compte/donnees"), "the erased user's old session")

                #expect(try await Registration.query(on: app.db).filter(\.$email == DemoData.memberEmail).count() == 0)
                for id in registrationIDs {
                    let r = try #require(try await Registration.find(id, on: app.db), "registrations are kept for the figures")
                    #expect(r.name == "Personne effacée")
                    #expect(r.email.hasSuffix("@invalid"))
                }
                #expect(try await Registration.query(on: app.db).filter(\.$email != DemoData.memberEmail).count() == othersBefore + registrationIDs.count)
                #expect(try await Subscriber.query(on: app.db).filter(\.$email == DemoData.memberEmail).count() == 0)
                #expect(try await Consent.query(on: app.db).filter(\.$email == DemoData.memberEmail).count() == 0)
                #expect(try await Candidate.find(candidate.id, on: app.db) == nil)
                #expect(!FileManager.default.fileExists(atPath: cvPath), "the CV file is deleted")
                let handled = try #require(try await DataRequest.find(request.id, on: app.db))
                #expect(handled.status == .done)
                #expect(handled.decidedAt != nil)
                #expect(handled.email != DemoData.memberEmail)
                let after = try await staff.get("/donnees-personnelles")
                #expect(after.body.contains("Effectuée"))
                #expect(!after.body.contains(DemoData.memberEmail))
                #expect(try await staff.post("/donnees-personnelles/\(request.id!.uuidString)/effacer").status == .conflict, "handled once")
            }
        }

        @Test func staffRejectARequestWithAReason() async throws {
            try await withGrappe(demo: true) { app in
                let member = try await PrivacyKit.client(app, DemoData.memberEmail)
                let request = try await PrivacyKit.askErasure(app, member, email: DemoData.memberEmail)
                let path = "/donnees-personnelles/\(request.id!.uuidString)"
                let staff = try await PrivacyKit.client(app, DemoData.managerEmail)
                try await staff.get("/donnees-personnelles")
                let noReason = try await staff.post(path + "/refuser", ["note": "   "])
                #expect(noReason.status == .seeOther)
                #expect(try await staff.get(noReason.location!).body.contains("Indiquez le motif du refus."))
                #expect(try await DataRequest.find(request.id, on: app.db)?.status == .pending)

                let refused = try await staff.post(path + "/refuser", ["note": "Litige en cours sur la cotisation 2025."])
                #expect(refused.status == .seeOther)
                let handled = try #require(try await DataRequest.find(request.id, on: app.db))
                #expect(handled.status == .rejected)
                #expect(handled.decisionNote == "Litige en cours sur la cotisation 2025.")
                #expect(handled.$decidedBy.id == (try await PrivacyKit.user(app, DemoData.managerEmail)).id)
                let mail = try #require(try await PrivacyKit.outbox(app, kind: "privacy_rejected").first)
                #expect(mail.recipient == DemoData.memberEmail)
                #expect(mail.body.contains("Litige en cours sur la cotisation 2025."))
                #expect(try await PrivacyKit.outbox(app, kind: "privacy_done").isEmpty)
                let queue = try await staff.get("/donnees-personnelles")
                #expect(queue.body.contains("Refusée"))
                #expect(queue.body.contains("Litige en cours sur la cotisation 2025."))
                #expect(try await staff.post(path + "/effacer").status == .conflict)
                #expect(try await PrivacyKit.user(app, DemoData.memberEmail).active)
                #expect(try await member.get("/compte/donnees").status == .ok, "the member keeps their access")
                // A new request is possible once the previous one is handled.
                _ = try await PrivacyKit.askErasure(app, member, email: DemoData.memberEmail)
                #expect(try await DataRequest.query(on: app.db).count() == 2)
            }
        }
    }
}
