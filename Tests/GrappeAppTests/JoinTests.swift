import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The public join form (/adhesion) and the decisions on applications (/adhesions).
    @Suite struct JoinTests {
        /// Helpers shared by the join tests.
        private enum Join {
            static var year: Int { TestClock.year }
            static let applicant = "lea@cagou.example"

            /// A complete, valid application; `without` drops fields, `with` replaces or adds them.
            static func form(step: String = "preview", without: Set<String> = [], with extra: [String: String] = [:]) -> [(String, String)] {
                var fields: [(String, String)] = [
                    ("name", "Cagou Numérique"), ("legalName", "Cagou Numérique SARL"), ("ridet", "1234567.001"), ("headcount", "14"),
                    ("category", "core"), ("address", "3 rue des Cagous"), ("commune", "Dumbéa"), ("website", "https://cagou.example"),
                    ("email", "contact@cagou.example"), ("phone", "26.11.22"),
                    ("description", "Applications pour les collectivités et les associations de Nouvelle-Calédonie."),
                    ("domains[]", "Développement web"), ("domains[]", "Applications mobiles"),
                    ("p_firstName", "Léa"), ("p_lastName", "WAIA"), ("p_email", applicant), ("p_phone", "77.12.34"), ("p_role", "Gérante"),
                    ("p_gender", "female"), ("c0", "1"), ("c1", "1"), ("c2", "1"), ("publicProfile", "1"), ("step", step),
                ]
                fields.removeAll { without.contains($0.0) || extra[$0.0] != nil }
                fields += extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                return fields
            }

            /// The fee quoted on the test day, from the stored grid: joining in September pays the
            /// third and fourth quarters, half the year, rounded to the franc.
            static func expectedFee(_ app: Application, category: MembershipCategory, headcount: Int) async throws -> (yearly: Int, amount: Int) {
                let schedule = try #require(try await FeeSchedule.query(on: app.db).filter(\.$year == year).first(), "no \(year) schedule")
                let lines = try await FeeScheduleBracket.query(on: app.db).filter(\.$schedule.$id == schedule.requireID()).all()
                let line = try #require(lines.first { $0.category == category && $0.minHeadcount <= headcount && ($0.maxHeadcount ?? Int.max) >= headcount })
                guard schedule.proRataRule == .quarters else { return (line.amount, line.amount) }
                return (line.amount, (line.amount * 2 + 2) / 4)
            }

            /// The quote panel of a join page.
            static func quote(_ body: String) -> String? {
                guard let start = body.range(of: "<div class=\"panel quote\""),
                      let end = body.range(of: "</div>", range: start.upperBound..<body.endIndex) else { return nil }
                return String(body[start.lowerBound..<end.upperBound])
            }

            static func application(_ app: Application, ridet: String = "1234567.001") async throws -> MembershipApplication? {
                try await MembershipApplication.query(on: app.db).filter(\.$ridet == ridet).first()
            }

            /// Sends the standard application as a visitor and returns it.
            static func send(_ app: Application) async throws -> MembershipApplication {
                let visitor = TestClient(app)
                try await visitor.get("/adhesion")
                let sent = try await visitor.post("/adhesion", form(step: "send"))
                #expect(sent.status == .seeOther)
                return try #require(try await application(app))
            }

            static func client(_ app: Application, _ email: String, password: String = DemoData.password) async throws -> TestClient {
                let client = TestClient(app)
                try await client.login(email, password)
                return client
            }
        }

        @Test func formShowsTheGridAndTheThreeCommitments() async throws {
            try await withGrappe(demo: true) { app in
                let page = try await TestClient(app).get("/adhesion")
                #expect(page.status == .ok)
                #expect(page.body.contains("Barème \(Join.year)"))
                let schedule = try #require(try await FeeSchedule.query(on: app.db).filter(\.$year == Join.year).first())
                let lines = try await FeeScheduleBracket.query(on: app.db).filter(\.$schedule.$id == schedule.requireID()).all()
                #expect(lines.count > 1)
                for line in lines {
                    #expect(page.body.contains("<tr><td>\(line.domain.label)</td><td class=\"num\">\(Money.xpf(line.amount))</td></tr>"), "\(line.domain.label)")
                }
                #expect(Charter.commitments.count == 3)
                for (index, commitment) in Charter.commitments.enumerated() {
                    #expect(page.body.contains("name=\"c\(index)\" value=\"1\"> \(HTML.escape(commitment))"), "\(commitment)")
                }
                #expect(page.body.contains("name=\"\(PublicFormGuard.honeypotField)\""))
                let domains = try await CompetenceDomain.query(on: app.db).all()
                for domain in domains { #expect(page.body.contains("value=\"\(HTML.escape(domain.name))\""), "\(domain.name)") }
                #expect(Join.quote(page.body) == nil, "no quote before the visitor asks for one")
            }
        }

        @Test func previewQuotesTheFeeFromTheGridAndRecordsNothing() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                try await visitor.get("/adhesion")
                let applicationsBefore = try await MembershipApplication.query(on: app.db).count()
                let mailsBefore = try await OutboxMessage.query(on: app.db).count()
                for (category, headcount) in [(MembershipCategory.core, 14), (.partner, 60), (.core, 0)] {
                    let page = try await visitor.post("/adhesion", Join.form(with: ["category": category.rawValue, "headcount": String(headcount)]))
                    #expect(page.status == .ok)
                    let quote = try #require(Join.quote(page.body), "\(category) \(headcount): no quote")
                    let fee = try await Join.expectedFee(app, category: category, headcount: headcount)
                    #expect(quote.contains("Votre cotisation \(Join.year) : <strong>"))
                    #expect(quote.contains("<strong><span class=\"num\">\(Money.xpf(fee.amount))</span></strong>"), "\(category) \(headcount): \(quote)")
                    #expect(quote.contains("\(Money.xpf(fee.yearly)) par an"))
                    #expect(quote.contains("au prorata") == (fee.amount != fee.yearly))
                    #expect(page.body.contains("value=\"Cagou Numérique\""), "the form stays filled in")
                }
                #expect(try await MembershipApplication.query(on: app.db).count() == applicationsBefore, "a preview records nothing")
                #expect(try await OutboxMessage.query(on: app.db).count() == mailsBefore)
                #expect(try await Consent.query(on: app.db).filter(\.$email == Join.applicant).count() == 0)
            }
        }

        @Test func previewWithoutAScheduleSaysTheFeeWillFollow() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                try await visitor.get("/adhesion")
                let page = try await visitor.post("/adhesion", Join.form())
                #expect(page.status == .ok)
                #expect(page.body.contains("Le barème \(Join.year) n'est pas encore publié"))
                #expect(Join.quote(page.body) == nil, "no amount is made up")
            }
        }

        @Test func invalidApplicationsGetFrenchErrorsAndKeepWhatWasTyped() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                try await visitor.get("/adhesion")
                let before = try await MembershipApplication.query(on: app.db).count()
                let bad = try await visitor.post("/adhesion", Join.form(step: "send", without: ["c1", "domains[]"], with: ["ridet": "12AB"]))
                #expect(bad.status == .badRequest)
                for message in ["Pour adhérer, acceptez chacun des trois engagements de la charte.",
                                "RIDET invalide : 7 chiffres, suivis éventuellement de 3 chiffres d&#39;établissement",
                                "Cochez au moins un domaine de compétence."] {
                    #expect(bad.body.contains(message), "\(message)")
                }
                #expect(bad.body.contains("3 erreurs empêchent l&#39;enregistrement"))
                #expect(bad.body.contains("id=\"name\" name=\"name\" type=\"text\" value=\"Cagou Numérique\""))
                #expect(bad.body.contains("value=\"12AB\""), "the wrong RIDET is shown as typed")
                #expect(bad.body.contains("value=\"\(Join.applicant)\""))
                #expect(bad.body.contains(">Applications pour les collectivités et les associations de Nouvelle-Calédonie.</textarea>"))
                #expect(bad.body.contains("name=\"c0\" value=\"1\" checked>"), "accepted commitments stay ticked")
                #expect(bad.body.contains("name=\"c1\" value=\"1\">"), "the missing one stays unticked")
                #expect(bad.body.contains("<option value=\"core\" selected>"))

                let others = try await visitor.post("/adhesion", Join.form(step: "send", with: ["category": "", "p_email": "", "commune": "Paris", "headcount": "beaucoup"]))
                #expect(others.status == .badRequest)
                for message in ["Choisissez une catégorie d&#39;adhésion.", "L&#39;e-mail du titulaire est obligatoire",
                                "« Paris » n&#39;est pas une commune de Nouvelle-Calédonie.", "L&#39;effectif doit être un nombre entier"] {
                    #expect(others.body.contains(message), "\(message)")
                }
                #expect(Join.quote(others.body) == nil, "no quote without a category and a headcount")
                #expect(try await MembershipApplication.query(on: app.db).count() == before)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == Join.applicant).count() == 0)
            }
        }

        @Test func sendingRecordsTheApplicationConsentsAndEmails() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                try await visitor.get("/adhesion")
                let sent = try await visitor.post("/adhesion", Join.form(step: "send"))
                #expect(sent.status == .seeOther)
                #expect(sent.location == "/adhesion/merci")
                let a = try #require(try await Join.application(app))
                let fee = try await Join.expectedFee(app, category: .core, headcount: 14)
                #expect(a.status == .pending)
                #expect(a.year == Join.year)
                #expect(a.feeQuoted == fee.amount)
                #expect(a.category == .core && a.headcount == 14 && a.commune == "Dumbéa")
                #expect(Set(a.domainList) == ["Développement web", "Applications mobiles"])
                #expect(a.email == Join.applicant && a.firstName == "Léa")
                #expect(a.commitments == JoinForm.commitmentsWording)
                let thanks = try await visitor.get("/adhesion/merci")
                #expect(thanks.body.contains("Cagou Numérique") && thanks.body.contains(Money.xpf(fee.amount)))

                let consents = try await Consent.query(on: app.db).filter(\.$email == Join.applicant).all()
                #expect(Set(consents.map(\.purpose)) == ["membership_charter", "directory_profile"])
                #expect(consents.first { $0.purpose == "membership_charter" }?.wording == JoinForm.commitmentsWording)

                let ack = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == Join.applicant).all().first)
                #expect(ack.kind == "application_received")
                #expect(ack.body.contains(Money.xpf(fee.amount)))
                let org = try await app.currentOrganisation(on: app.db)
                let deciders = try await User.query(on: app.db).filter(\.$active == true).filter(\.$role ~~ [.staff, .board]).all().map(\.email)
                #expect(deciders.contains(DemoData.managerEmail) && deciders.contains(DemoData.boardEmail))
                let notices = try await OutboxMessage.query(on: app.db).filter(\.$kind == "application_notice")
                    .filter(\.$subject == "Nouvelle demande d'adhésion : Cagou Numérique").all()
                #expect(Set(notices.map(\.recipient)) == Set(deciders + [org.email]))
                #expect(notices.count == Set(deciders + [org.email]).count, "one notice per person")
                #expect(notices.allSatisfy { $0.body.contains("/adhesions/\(a.id!.uuidString)") })

                // The same RIDET, typed differently, while the first application is pending.
                let again = TestClient(app)
                try await again.get("/adhesion")
                let duplicate = try await again.post("/adhesion", Join.form(step: "send", with: ["ridet": "1234567001", "p_email": "autre@cagou.example"]))
                #expect(duplicate.status == .badRequest)
                #expect(duplicate.body.contains("Une demande d&#39;adhésion est déjà en cours pour ce RIDET"))
                #expect(try await MembershipApplication.query(on: app.db).filter(\.$ridet == "1234567.001").count() == 1)
            }
        }

        @Test func honeypotCreatesNothing() async throws {
            try await withGrappe(demo: true) { app in
                let bot = TestClient(app)
                try await bot.get("/adhesion")
                let mails = try await OutboxMessage.query(on: app.db).count()
                let sent = try await bot.post("/adhesion", Join.form(step: "send", with: [PublicFormGuard.honeypotField: "https://spam.example"]))
                #expect(sent.status == .seeOther)
                #expect(sent.location == "/adhesion/merci", "the bot is told all went well")
                #expect(try await Join.application(app) == nil)
                #expect(try await OutboxMessage.query(on: app.db).count() == mails)
                #expect(try await Consent.query(on: app.db).filter(\.$email == Join.applicant).count() == 0)
            }
        }

        @Test func boardApprovalCreatesTheMemberWhoThenPostsAJob() async throws {
            try await withGrappe(demo: true) { app in
                let a = try await Join.send(app)
                let board = try await Join.client(app, DemoData.boardEmail)
                let list = try await board.get("/adhesions")
                #expect(list.status == .ok)
                #expect(list.body.contains("/adhesions/\(a.id!.uuidString)"))
                let path = "/adhesions/\(a.id!.uuidString)"
                let detail = try await board.get(path)
                #expect(detail.status == .ok)
                #expect(detail.body.contains("1234567.001") && detail.body.contains(Join.applicant))
                let approved = try await board.post(path + "/accepter")
                #expect(approved.status == .seeOther)

                let decided = try #require(try await MembershipApplication.find(a.id, on: app.db))
                #expect(decided.status == .approved)
                let boardUser = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.boardEmail).first())
                #expect(decided.$decidedBy.id == boardUser.id)
                let companyID = try #require(decided.$company.id)
                #expect(approved.location == "/adherents/\(companyID.uuidString)")
                let company = try #require(try await Company.find(companyID, on: app.db))
                #expect(company.name == "Cagou Numérique" && company.ridet == "1234567.001" && company.commune == "Dumbéa")
                #expect(company.headcount == 14 && company.website == "https://cagou.example")
                #expect(company.publicProfile, "the applicant consented to the directory")
                #expect(company.verifiedAt != nil)
                #expect(Set(try await MemberService.currentDomains(app.db, companyID: companyID)) == ["Développement web", "Applications mobiles"])

                let membership = try #require(try await Membership.query(on: app.db).filter(\.$company.$id == companyID).first())
                #expect(membership.year == Join.year && membership.status == .active && membership.category == .core)
                #expect(FrenchDate.month(of: membership.startDate) == 9, "the membership starts on the day it is accepted")
                let person = try #require(try await Person.query(on: app.db).filter(\.$email == Join.applicant).first())
                #expect(person.firstName == "Léa" && person.lastName == "WAIA")
                #expect(membership.$holder.id == person.id, "the applicant holds the membership")
                #expect(try await CompanyContact.query(on: app.db).filter(\.$company.$id == companyID).filter(\.$person.$id == person.requireID()).count() == 1)
                let login = try #require(try await User.query(on: app.db).filter(\.$email == Join.applicant).first())
                #expect(login.role == .member && login.$person.id == person.id)

                let due = try #require(try await Due.query(on: app.db).filter(\.$company.$id == companyID).first())
                let fee = try await Join.expectedFee(app, category: .core, headcount: 14)
                #expect(due.year == Join.year)
                #expect(due.baseAmount == fee.yearly)
                #expect(due.amount == fee.amount, "priced from the grid, pro rata of the quarters left")
                #expect(due.$membership.id == membership.id)

                let mails = try await OutboxMessage.query(on: app.db).filter(\.$recipient == Join.applicant).all()
                #expect(mails.map(\.kind).sorted() == ["application_received", "invitation", "welcome"])
                let welcome = try #require(mails.first { $0.kind == "welcome" })
                #expect(welcome.body.contains(due.number) && welcome.body.contains(Money.xpf(due.amount)))

                // Approving twice is refused and creates nothing more.
                let twice = try await board.post(path + "/accepter")
                #expect(twice.status == .conflict)
                #expect(twice.body.contains("<h2>Acceptée</h2>"), "the page shows the decision already taken")
                #expect(try await Company.query(on: app.db).filter(\.$ridet == "1234567.001").count() == 1)
                #expect(try await Due.query(on: app.db).filter(\.$company.$id == companyID).count() == 1)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == Join.applicant).count() == 3)

                // The new member chooses a password from the invitation, logs in and posts a job offer.
                let invitation = try #require(mails.first { $0.kind == "invitation" })
                let link = try #require(invitation.body.split(separator: "\n").first { $0.contains("/reinitialisation/") })
                let resetPath = String(link[link.range(of: "/reinitialisation/")!.lowerBound...])
                let newcomer = TestClient(app)
                #expect(try await newcomer.get(resetPath).status == .ok)
                let chosen = try await newcomer.post(resetPath, ["password": "cagou-numerique-2026", "confirmation": "cagou-numerique-2026"])
                #expect(chosen.status == .seeOther)
                try await newcomer.login(Join.applicant, "cagou-numerique-2026")
                #expect(try await newcomer.get("/mon-entreprise").location == "/adherents/\(companyID.uuidString)")
                let form = try await newcomer.get("/emplois/nouvelle")
                #expect(form.status == .ok)
                let expiry = FrenchDate.calendar.date(byAdding: .day, value: 30, to: TestClock.now)!
                let posted = try await newcomer.post("/emplois/nouvelle", [
                    "companyID": companyID.uuidString, "title": "Développeur·se mobile chez Cagou", "kind": "job", "contract": "permanent",
                    "commune": "Dumbéa", "description": "Vous concevez nos applications mobiles pour les collectivités calédoniennes.",
                    "howToApply": "recrutement@cagou.example", "expiresOn": FrenchDate.iso(expiry),
                ])
                #expect(posted.status == .seeOther)
                let offer = try #require(try await JobOffer.query(on: app.db).filter(\.$company.$id == companyID).first())
                #expect(offer.$postedBy.id == login.id)
                let jobs = try await TestClient(app).get("/emplois")
                #expect(jobs.body.contains("/emplois/\(offer.id!.uuidString)"))
                #expect(jobs.body.contains("Développeur·se mobile chez Cagou"))
            }
        }

        @Test func declineNeedsAReasonAndSendsIt() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let a = try await Join.send(app)
                let staff = try await Join.client(app, "staff@open.nc", password: Fixtures.password)
                let path = "/adhesions/\(a.id!.uuidString)"
                try await staff.get(path)
                for reason in ["", "  non "] {
                    let refused = try await staff.post(path + "/refuser", ["reason": reason])
                    #expect(refused.status == .badRequest)
                    #expect(refused.body.contains("Indiquez le motif du refus (5 à 2 000 caractères)"))
                }
                #expect(try await MembershipApplication.find(a.id, on: app.db)?.status == .pending)
                let reason = "Votre activité principale ne relève pas du numérique."
                let declined = try await staff.post(path + "/refuser", ["reason": reason])
                #expect(declined.status == .seeOther)
                let decided = try #require(try await MembershipApplication.find(a.id, on: app.db))
                #expect(decided.status == .declined)
                #expect(decided.decisionReason == reason)
                #expect(decided.decidedAt != nil)
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "application_declined").first())
                #expect(mail.recipient == Join.applicant)
                #expect(mail.body.contains(reason))
                #expect(try await staff.get(path).body.contains(reason), "the decision and its reason stay on the page")
                // A declined application cannot be approved afterwards, nor declined again.
                #expect(try await staff.post(path + "/accepter").status == .conflict)
                #expect(try await staff.post(path + "/refuser", ["reason": "Une seconde fois."]).status == .conflict)
                #expect(try await Company.query(on: app.db).count() == 0)
                #expect(try await User.query(on: app.db).filter(\.$email == Join.applicant).count() == 0)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "application_declined").count() == 1)
            }
        }

        @Test func onlyStaffAndBoardSeeApplications() async throws {
            try await withGrappe(demo: true) { app in
                let a = try await Join.send(app)
                let path = "/adhesions/\(a.id!.uuidString)"
                let anonymous = try await TestClient(app).get("/adhesions")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)
                let member = try await Join.client(app, DemoData.memberEmail)
                for target in ["/adhesions", path] {
                    let page = try await member.get(target)
                    #expect(page.status == .forbidden, "\(target)")
                    #expect(!page.body.contains("Cagou Numérique"))
                }
                #expect(try await member.post(path + "/accepter").status == .forbidden)
                #expect(try await member.post(path + "/refuser", ["reason": "Je refuse pour le bureau."]).status == .forbidden)
                #expect(try await MembershipApplication.find(a.id, on: app.db)?.status == .pending)
                #expect(try await Join.client(app, DemoData.managerEmail).get(path).status == .ok)
                #expect(try await Join.client(app, DemoData.boardEmail).get("/adhesions/\(UUID().uuidString)").status == .notFound)
            }
        }
    }
}
