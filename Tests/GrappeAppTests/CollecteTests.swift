import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The Grande Collecte over HTTP: pledges, the item chain with its erasure rule, who sees
    /// and moves which item, the donor's certificate and the campaign's figures.
    @Suite struct CollecteTests {
        private enum C {
            /// kg CO2e avoided per device handed over, as published with the method (ADEME – Arcep 2022).
            static let publishedFactors: [DeviceType: Double] = [.laptop: 182.6, .desktop: 204.4, .monitor: 65.9, .smartphone: 85.1, .tablet: 59.7]

            static func client(_ app: Application, _ email: String, password: String = DemoData.password) async throws -> TestClient {
                let client = TestClient(app)
                try await client.login(email, password)
                return client
            }

            static func campaign(_ app: Application, _ year: Int = 2025) async throws -> CollectCampaign {
                try #require(try await CollectCampaign.query(on: app.db).filter(\.$year == year).first())
            }

            static func items(_ app: Application) async throws -> [CollectItem] {
                try await CollectItem.query(on: app.db).filter(\.$campaign.$id == campaign(app).requireID()).all()
            }

            static func item(_ app: Application, _ id: UUID?) async throws -> CollectItem {
                try #require(try await CollectItem.find(id, on: app.db))
            }

            static func company(_ app: Application, _ name: String) async throws -> Company {
                try #require(try await Company.query(on: app.db).filter(\.$name == name).first(), "no company \(name)")
            }

            static func moves(_ app: Application, _ item: CollectItem) async throws -> [CollectMove] {
                try await CollectMove.query(on: app.db).filter(\.$item.$id == item.requireID()).sort(\.$at).all()
            }

            /// A login for the first contact of `company`, as a member account.
            static func contactClient(_ app: Application, company: Company, email: String) async throws -> (TestClient, User) {
                let link = try #require(try await CompanyContact.query(on: app.db).filter(\.$company.$id == company.requireID()).first())
                let user = try await Fixtures.user(app, email: email, role: .member, personID: link.$person.id)
                let client = TestClient(app)
                try await client.login(email, Fixtures.password)
                return (client, user)
            }

            /// The item ids linked from an item table.
            static func listedIDs(_ body: String) -> [UUID] {
                body.components(separatedBy: "<tr><td><a href=\"/collecte/objets/").dropFirst().compactMap { UUID(uuidString: String($0.prefix(36))) }
            }

            static func section(_ body: String, from start: String, to end: String) -> String? {
                guard let a = body.range(of: start), let b = body.range(of: end, range: a.upperBound..<body.endIndex) else { return nil }
                return String(body[a.lowerBound..<b.upperBound])
            }

            /// kg CO2e avoided by `items` handed over, computed here with the published factors.
            static func avoidedKg(_ items: [CollectItem]) -> Double {
                let kg = items.filter { $0.state == .handedOver }.reduce(0.0) { $0 + (publishedFactors[$1.deviceType] ?? 0) }
                return (kg * 10).rounded() / 10
            }

            static func averageDays(_ items: [CollectItem]) -> Int? {
                let spans = items.filter { $0.state == .handedOver }.compactMap { i -> Double? in
                    guard let from = i.collectedAt, let to = i.handedOverAt else { return nil }
                    return to.timeIntervalSince(from) / 86400
                }
                return spans.isEmpty ? nil : Int((spans.reduce(0, +) / Double(spans.count)).rounded())
            }
        }

        // MARK: The whole chain

        @Test func staffTakeOneItemFromPledgeToHandoverAndEveryMoveIsKept() async throws {
            try await withGrappe(demo: true) { app in
                let started = Date().addingTimeInterval(-1)
                let staff = try await C.client(app, DemoData.managerEmail)
                let staffUser = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.managerEmail).first())
                let countBefore = try await C.items(app).count
                #expect(countBefore == 920)

                // Pledge.
                #expect(try await staff.get("/collecte/2025/promesses/nouvelle").status == .ok)
                let pledged = try await staff.post("/collecte/2025/promesses/nouvelle", [
                    "companyID": "", "donorName": "Cabinet Kaori", "contactName": "Jeanne Wema", "contactEmail": "Jeanne@Kaori.example",
                    "address": "4 rue Jules Ferry, Nouméa", "rows": "1", "type_0": "laptop", "quantity_0": "1", "model_0": "Latitude 7420", "notes": "Accès par la cour",
                ])
                #expect(pledged.status == .seeOther)
                let pledgePath = try #require(pledged.location)
                let pledgeID = try #require(UUID(uuidString: String(pledgePath.split(separator: "/").last ?? "")))
                let pledge = try #require(try await CollectPledge.find(pledgeID, on: app.db))
                #expect(pledge.contactEmail == "jeanne@kaori.example")
                let items = try await CollectItem.query(on: app.db).filter(\.$pledge.$id == pledgeID).all()
                #expect(items.count == 1)
                var item = try #require(items.first)
                #expect(item.state == .pledged)
                #expect(item.tag == String(format: "GC2025-%05d", countBefore + 1))
                let id = item.id!.uuidString
                let itemPath = "/collecte/objets/\(id)"

                // Plan the pick-up, then record the collection with brand, model and serial.
                #expect(try await staff.post("\(pledgePath)/enlevement", ["date": "2025-11-10"]).status == .seeOther)
                #expect(try await CollectPledge.find(pledgeID, on: app.db)?.pickupOn == FrenchDate.make(2025, 11, 10))
                let pledgePage = try await staff.get(pledgePath)
                #expect(pledgePage.body.contains(FrenchDate.long(FrenchDate.make(2025, 11, 10))))
                #expect(pledgePage.body.contains("name=\"serial-\(id)\""))
                let collected = try await staff.post("\(pledgePath)/collecte", [
                    ("items[]", id), ("brand-\(id)", "Dell"), ("model-\(id)", "Latitude 7420"), ("serial-\(id)", "SN-KAORI-0001"),
                ])
                #expect(collected.status == .seeOther)
                item = try await C.item(app, item.id)
                #expect(item.state == .collected)
                #expect(item.serial == "SN-KAORI-0001")
                #expect(item.brand == "Dell")
                #expect(item.collectedAt != nil)

                func move(_ state: CollectItemState) async throws -> TestClient.Page {
                    try await staff.post("\(itemPath)/etat", ["state": state.rawValue, "note": "Étape \(state.label)"])
                }
                // The page links the pledge and the certificate, and pre-selects no move.
                let firstPage = try await staff.get(itemPath)
                #expect(firstPage.body.contains("href=\"\(pledgePath)\""))
                #expect(firstPage.body.contains("href=\"\(pledgePath)/certificat\""))
                #expect(firstPage.body.contains("<select id=\"state\" name=\"state\"><option value=\"\">—</option><option value=\"received\">"))
                for state in [CollectItemState.received, .diagnosed, .erased] {
                    let page = try await move(state)
                    #expect(page.status == .seeOther, "\(state)")
                    #expect(page.location == itemPath)
                }

                // No way out of the erasure step without an erasure record.
                let movesBefore = try await C.moves(app, item).count
                let refused = try await move(.refurbished)
                #expect(refused.status == .conflict)
                #expect(refused.body.contains(HTML.escape("Impossible de quitter l'effacement sans procès-verbal d'effacement (NIST SP 800-88) pour chaque support de stockage.")))
                #expect(try await C.item(app, item.id).state == .erased)
                #expect(try await C.moves(app, item).count == movesBefore)

                // A record that NIST would not accept is refused; a proper one is kept.
                let today = FrenchDate.iso(TestClock.now)
                let degauss = try await staff.post("\(itemPath)/effacement", ["media": "nvme", "mediaSerial": "NVME-42", "level": "purge", "method": "degauss",
                                                                              "tool": "Démagnétiseur", "verification": "full", "operator": "Technicien", "date": today])
                #expect(degauss.status == .badRequest)
                #expect(degauss.body.contains("Procès-verbal refusé : "))
                #expect(degauss.body.contains("La démagnétisation est sans effet sur un support flash"))
                #expect(try await ErasureRecord.query(on: app.db).filter(\.$item.$id == item.requireID()).count() == 0)
                let recorded = try await staff.post("\(itemPath)/effacement", ["media": "nvme", "mediaSerial": "NVME-42", "level": "purge", "method": "crypto_erase",
                                                                               "tool": "Dell Data Wipe 2.1", "verification": "full", "operator": "Technicien Kaori", "date": today])
                #expect(recorded.status == .seeOther)
                let record = try #require(try await ErasureRecord.query(on: app.db).filter(\.$item.$id == item.requireID()).first())
                #expect(record.method == .cryptoErase)
                #expect(record.$user.id == staffUser.id)
                let itemPage = try await staff.get(itemPath)
                #expect(itemPage.body.contains("NVME-42"))
                #expect(itemPage.body.contains(HTML.escape(ErasureMethod.cryptoErase.label)))

                #expect(try await move(.refurbished).status == .seeOther)
                // Not « classé » without a grade: the page does not offer it, the rule refuses it.
                let refurbishedPage = try await staff.get(itemPath)
                #expect(!refurbishedPage.body.contains("<option value=\"graded\""))
                #expect(refurbishedPage.body.contains("<option value=\"recycled\""))
                let ungraded = try await move(.graded)
                #expect(ungraded.status == .conflict)
                #expect(ungraded.body.contains(HTML.escape("Impossible de passer en « classé » sans grade esthétique (A, B ou C) ni résultat du test de fonctionnement : enregistrez d'abord le classement.")))
                #expect(try await C.item(app, item.id).state == .refurbished)
                let badGrade = try await staff.post("\(itemPath)/classement", ["grade": "E", "functional": "1"])
                #expect(badGrade.status == .badRequest)
                #expect(try await staff.post("\(itemPath)/classement", ["grade": "B", "functional": "1"]).status == .seeOther)
                item = try await C.item(app, item.id)
                #expect(item.grade == "B")
                #expect(item.functionalOK == true)
                #expect(try await staff.get(itemPath).body.contains("<option value=\"graded\""))
                #expect(try await move(.graded).status == .seeOther)
                #expect(try await move(.ready).status == .seeOther)

                // Not allocated without a charity; staff choose the refurbisher and the charity.
                let noCharity = try await move(.allocated)
                #expect(noCharity.status == .conflict)
                #expect(noCharity.body.contains(HTML.escape("Impossible d'attribuer l'article sans choisir l'association bénéficiaire.")))
                let office = try await C.company(app, "OFFICE PLUS")
                let charityUser = try #require(try await User.query(on: app.db).filter(\.$email == DemoCollecte.charityEmail).first())
                let charity = try #require(try await Charity.find(charityUser.$charity.id, on: app.db))
                let assigned = try await staff.post("\(itemPath)/affectation", ["refurbisher": office.id!.uuidString, "charity": charity.id!.uuidString])
                #expect(assigned.status == .seeOther)
                #expect(try await move(.allocated).status == .seeOther)
                // Once allocated, the charity no longer changes.
                let otherCharity = try #require(try await Charity.query(on: app.db).filter(\.$id != charity.requireID()).first())
                let reassigned = try await staff.post("\(itemPath)/affectation", ["refurbisher": office.id!.uuidString, "charity": otherCharity.id!.uuidString])
                #expect(reassigned.status == .conflict)
                #expect(try await C.item(app, item.id).$charity.id == charity.id)

                // The charity confirms the handover from its own page.
                let association = try await C.client(app, DemoCollecte.charityEmail)
                let portal = try await association.get("/collecte/association")
                #expect(portal.status == .ok)
                #expect(portal.body.contains("action=\"/collecte/objets/\(id)/etat\""))
                let handed = try await association.post("/collecte/objets/\(id)/etat", ["state": "handed_over"])
                #expect(handed.status == .seeOther)
                #expect(handed.location == "/collecte/association")
                item = try await C.item(app, item.id)
                #expect(item.state == .handedOver)
                let handedAt = try #require(item.handedOverAt)
                #expect(try await association.get("/collecte/association").body.contains("Remis le \(FrenchDate.short(handedAt))"))

                // Every step is in collect_moves, in order, with its time and its author.
                let moves = try await C.moves(app, item)
                let steps = moves.filter { $0.from != $0.to }
                let chain = CollectItemState.chain
                #expect(steps.map { "\($0.from.rawValue)→\($0.to.rawValue)" } == zip(chain, chain.dropFirst()).map { "\($0.rawValue)→\($1.rawValue)" })
                #expect(steps.dropLast().allSatisfy { $0.$user.id == staffUser.id })
                #expect(steps.last?.$user.id == charityUser.id)
                #expect(moves.allSatisfy { $0.$user.id != nil }, "no anonymous move")
                #expect(moves.allSatisfy { $0.at >= started && $0.at <= Date().addingTimeInterval(1) })
                #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.at <= $1.at })
                let journey = try await staff.get(itemPath)
                #expect(journey.body.contains("<td>attribué → remis</td><td>Solidarité Numérique Calédonie</td>"))
                #expect(journey.body.contains("<td>données effacées → reconditionné</td><td>Margaux LOCHE</td>"))
                #expect(journey.body.components(separatedBy: " → ").count - 1 >= steps.count)

                // The donor's certificate lists the serial and the erasure.
                let certificate = try await staff.get("\(pledgePath)/certificat")
                #expect(certificate.status == .ok)
                #expect(certificate.body.contains("SN-KAORI-0001"))
                #expect(certificate.body.contains("n° NVME-42 : \(HTML.escape(ErasureLevel.purge.label)), \(HTML.escape(ErasureMethod.cryptoErase.label))"))
                #expect(certificate.body.contains("1 matériel collecté, 1 traité à ce jour."))
            }
        }

        @Test func illegalMovesAreRefusedWithAClearMessageAndChangeNothing() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await C.client(app, DemoData.managerEmail)
                let items = try await C.items(app)
                let cases: [(CollectItemState, CollectItemState, String)] = [
                    (.collected, .erased, "Passage interdit : « collecté » → « données effacées » (étape suivante attendue : « réceptionné »)."),
                    (.received, .collected, "Retour en arrière interdit : « réceptionné » → « collecté » (étape suivante attendue : « diagnostiqué »)."),
                    (.pledged, .handedOver, "Passage interdit : « promis » → « remis » (étape suivante attendue : « collecté »)."),
                    (.handedOver, .recycled, "L'état « remis » est définitif : aucun changement n'est possible."),
                    (.ready, .recycled, "Passage en « recyclé » possible seulement entre les étapes « collecté » et « classé » (état actuel : « prêt à attribuer »)."),
                ]
                for (from, to, message) in cases {
                    let item = try #require(items.first { $0.state == from })
                    let moves = try await C.moves(app, item).count
                    let refused = try await staff.post("/collecte/objets/\(item.id!.uuidString)/etat", ["state": to.rawValue])
                    #expect(refused.status == .conflict, "\(from) → \(to)")
                    #expect(refused.body.contains(HTML.escape(message)), "\(from) → \(to)")
                    let after = try await C.item(app, item.id)
                    #expect(after.state == from)
                    #expect(after.stateChangedAt == item.stateChangedAt)
                    #expect(try await C.moves(app, item).count == moves)
                }
                let item = try #require(items.first { $0.state == .collected })
                let unknown = try await staff.post("/collecte/objets/\(item.id!.uuidString)/etat", ["state": "vole"])
                #expect(unknown.status == .badRequest)
                #expect(unknown.body.contains("État inconnu."))
                // An exit is allowed from the open steps.
                #expect(try await staff.post("/collecte/objets/\(item.id!.uuidString)/etat", ["state": "recycled"]).status == .seeOther)
                #expect(try await C.item(app, item.id).state == .recycled)
            }
        }

        // MARK: Who sees which item

        @Test func refurbisherContactSeesOnlyTheirCompanysItems() async throws {
            try await withGrappe(demo: true) { app in
                let office = try await C.company(app, "OFFICE PLUS")
                let art = try await C.company(app, "ART INFORMATIQUE")
                let (client, user) = try await C.contactClient(app, company: office, email: "atelier@office-plus.example")
                let items = try await C.items(app)
                let mine = items.filter { $0.$refurbisher.id == office.id }
                let theirs = items.filter { $0.$refurbisher.id == art.id }
                #expect(!mine.isEmpty && !theirs.isEmpty)
                let mineIDs = Set(mine.compactMap(\.id))

                let page = try await client.get("/collecte/reconditionneur")
                #expect(page.status == .ok)
                let listed = C.listedIDs(page.body)
                #expect(listed.count == min(50, mine.count))
                #expect(listed.allSatisfy(mineIDs.contains), "only OFFICE PLUS items")
                #expect(page.body.contains("Page 1 sur \((mine.count + 49) / 50)"))
                for state in [CollectItemState.received, .graded, .handedOver] {
                    let filtered = try await client.get("/collecte/reconditionneur?etat=\(state.rawValue)")
                    let ids = C.listedIDs(filtered.body)
                    #expect(ids.count == min(50, mine.filter { $0.state == state }.count), "\(state)")
                    #expect(ids.allSatisfy(mineIDs.contains))
                }
                let foreign = try #require(theirs.first)
                let search = try await client.get("/collecte/reconditionneur?q=\(foreign.tag)")
                #expect(search.body.contains("Aucun matériel ne correspond."), "an ART INFORMATIQUE tag finds nothing")

                // ART INFORMATIQUE's items do not exist for them.
                #expect(try await client.get("/collecte/objets/\(foreign.id!.uuidString)").status == .notFound)
                let received = try #require(theirs.first { $0.state == .received })
                #expect(try await client.post("/collecte/objets/\(received.id!.uuidString)/etat", ["state": "diagnosed"]).status == .notFound)
                #expect(try await C.item(app, received.id).state == .received)

                // Their own items: they work on them, but do not allocate or hand over.
                let own = try #require(mine.first { $0.state == .received })
                let ownPage = try await client.get("/collecte/objets/\(own.id!.uuidString)")
                #expect(ownPage.status == .ok)
                #expect(ownPage.body.contains("Enregistrer le passage"))
                #expect(!ownPage.body.contains("/affectation\""), "no assignment form for a refurbisher")
                #expect(try await client.post("/collecte/objets/\(own.id!.uuidString)/etat", ["state": "diagnosed"]).status == .seeOther)
                #expect(try await C.item(app, own.id).state == .diagnosed)
                #expect(try await C.moves(app, own).last?.$user.id == user.id)
                let ready = try #require(mine.first { $0.state == .ready })
                #expect(try await client.post("/collecte/objets/\(ready.id!.uuidString)/etat", ["state": "allocated"]).status == .forbidden)
                let allocated = try #require(mine.first { $0.state == .allocated })
                #expect(try await client.post("/collecte/objets/\(allocated.id!.uuidString)/etat", ["state": "handed_over"]).status == .forbidden)
                #expect(try await client.post("/collecte/objets/\(ready.id!.uuidString)/affectation", ["refurbisher": art.id!.uuidString]).status == .forbidden)
                #expect(try await C.item(app, ready.id).state == .ready)
                #expect(try await C.item(app, ready.id).$refurbisher.id == office.id)
                #expect(try await C.item(app, allocated.id).state == .allocated)

                #expect(try await client.get("/collecte/2025").status == .forbidden)
                #expect(try await client.get("/collecte/association").status == .forbidden)
            }
        }

        @Test func charitySeesOnlyItsItemsAndOnlyConfirmsItsHandovers() async throws {
            try await withGrappe(demo: true) { app in
                let association = try await C.client(app, DemoCollecte.charityEmail)
                let account = try #require(try await User.query(on: app.db).filter(\.$email == DemoCollecte.charityEmail).first())
                let charityID = try #require(account.$charity.id)
                let items = try await C.items(app)
                let own = items.filter { $0.$charity.id == charityID && [.allocated, .handedOver].contains($0.state) }
                let others = items.filter { $0.$charity.id != nil && $0.$charity.id != charityID }
                #expect(!own.isEmpty && !others.isEmpty)

                let portal = try await association.get("/collecte/association")
                #expect(portal.status == .ok)
                #expect(portal.body.components(separatedBy: "<tr><td>GC2025-").count - 1 == own.count)
                for item in own { #expect(portal.body.contains("<tr><td>\(item.tag)</td>"), "\(item.tag)") }
                for item in others.prefix(40) { #expect(!portal.body.contains("<tr><td>\(item.tag)</td>"), "\(item.tag) belongs to another charity") }
                #expect(portal.body.components(separatedBy: "Confirmer la remise").count - 1 == own.filter { $0.state == .allocated }.count)

                // Another charity's item: not found, and not moved.
                let foreign = try #require(others.first { $0.state == .allocated })
                #expect(try await association.get("/collecte/objets/\(foreign.id!.uuidString)").status == .notFound)
                #expect(try await association.post("/collecte/objets/\(foreign.id!.uuidString)/etat", ["state": "handed_over"]).status == .notFound)
                #expect(try await C.item(app, foreign.id).state == .allocated)

                // Its own item: only allocated → handed over.
                let mine = try #require(own.first { $0.state == .allocated })
                #expect(try await association.get("/collecte/objets/\(mine.id!.uuidString)").status == .ok)
                #expect(try await association.post("/collecte/objets/\(mine.id!.uuidString)/etat", ["state": "recycled"]).status == .forbidden)
                #expect(try await association.post("/collecte/objets/\(mine.id!.uuidString)/effacement", ["media": "ssd"]).status == .forbidden)
                #expect(try await association.post("/collecte/objets/\(mine.id!.uuidString)/classement", ["grade": "A", "functional": "1"]).status == .forbidden)
                #expect(try await C.item(app, mine.id).state == .allocated)
                #expect(try await association.post("/collecte/objets/\(mine.id!.uuidString)/etat", ["state": "handed_over"]).status == .seeOther)
                #expect(try await C.item(app, mine.id).state == .handedOver)
                let done = try #require(own.first { $0.state == .handedOver })
                let again = try await association.post("/collecte/objets/\(done.id!.uuidString)/etat", ["state": "handed_over"])
                #expect(again.status == .conflict)
                #expect(again.body.contains(HTML.escape("L'article est déjà à l'état « remis ».")))

                // An item of the chain that is not allocated to anyone is out of reach.
                let unassigned = try #require(items.first { $0.state == .ready })
                #expect(try await association.get("/collecte/objets/\(unassigned.id!.uuidString)").status == .notFound)
                #expect(try await association.get("/collecte/2025").status == .forbidden)
                #expect(try await association.get("/collecte/reconditionneur").status == .forbidden)
                #expect(try await association.get("/collecte/associations").status == .forbidden)
            }
        }

        @Test func memberAndBoardAccessToItemsAndCampaign() async throws {
            try await withGrappe(demo: true) { app in
                let member = try await C.client(app, DemoData.memberEmail)
                let items = try await C.items(app)
                let sample = CollectItemState.allCases.compactMap { state in items.first { $0.state == state } }
                #expect(sample.count == CollectItemState.allCases.count, "the demo has items in every state")
                for item in sample {
                    #expect(try await member.get("/collecte/objets/\(item.id!.uuidString)").status == .notFound, "\(item.state)")
                }
                let collected = try #require(items.first { $0.state == .collected })
                #expect(try await member.post("/collecte/objets/\(collected.id!.uuidString)/etat", ["state": "received"]).status == .notFound)
                #expect(try await C.item(app, collected.id).state == .collected)
                #expect(try await member.get("/collecte/2025").status == .forbidden)
                #expect(try await member.get("/collecte/promesses/\(collected.$pledge.id.uuidString)").status == .forbidden)
                #expect(try await member.get("/collecte/association").status == .forbidden)
                let own = try await member.get("/collecte/reconditionneur")
                #expect(own.status == .ok)
                #expect(own.body.contains("Aucun matériel ne correspond."), "SKAZY refurbishes nothing")
                let publicPage = try await member.get("/collecte")
                #expect(publicPage.status == .ok)
                #expect(publicPage.body.contains("href=\"/collecte/don\""))
                #expect(!publicPage.body.contains("Nouvelle campagne"))

                let anonymous = try await TestClient(app).get("/collecte/objets/\(collected.id!.uuidString)")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)

                // The board reads everything and changes nothing.
                let board = try await C.client(app, DemoData.boardEmail)
                let page = try await board.get("/collecte/objets/\(collected.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(!page.body.contains("Enregistrer le passage"))
                #expect(try await board.post("/collecte/objets/\(collected.id!.uuidString)/etat", ["state": "received"]).status == .forbidden)
                #expect(try await board.post("/collecte/objets/\(collected.id!.uuidString)/affectation", ["charity": ""]).status == .forbidden)
                #expect(try await C.item(app, collected.id).state == .collected)
                let campaign = try await board.get("/collecte/2025")
                #expect(campaign.status == .ok)
                #expect(!campaign.body.contains("/promesses/nouvelle"))
                #expect(try await board.post("/collecte", ["year": "2030", "name": "X", "goal": "10", "startsOn": "2030-01-01", "endsOn": "2030-12-31"]).status == .forbidden)
            }
        }

        // MARK: Certificate

        @Test func certificateListsSerialsAndErasureRecordsForItsReadersOnly() async throws {
            try await withGrappe(demo: true) { app in
                let campaignID = try await C.campaign(app).requireID()
                let pledges = try await CollectPledge.query(on: app.db).filter(\.$campaign.$id == campaignID).all()
                let items = try await C.items(app)
                // The company donor with the most items.
                let byPledge = Dictionary(grouping: items, by: { $0.$pledge.id })
                let pledge = try #require(pledges.filter { $0.$donorCompany.id != nil }.max { (byPledge[$0.id!]?.count ?? 0) < (byPledge[$1.id!]?.count ?? 0) })
                let collected = (byPledge[pledge.id!] ?? []).filter { $0.state != .pledged }
                #expect(!collected.isEmpty)
                let records = try await ErasureRecord.query(on: app.db).filter(\.$item.$id ~~ collected.compactMap(\.id)).all()
                #expect(!records.isEmpty)
                let path = "/collecte/promesses/\(pledge.id!.uuidString)/certificat"

                let staff = try await C.client(app, DemoData.managerEmail)
                let certificate = try await staff.get(path)
                #expect(certificate.status == .ok)
                #expect(certificate.body.contains("<h1>Certificat d'effacement des données</h1>"))
                #expect(certificate.body.contains("<strong>\(HTML.escape(pledge.donorName))</strong>"))
                for item in collected {
                    #expect(certificate.body.contains("<tr><td>\(item.tag)</td>"), "\(item.tag)")
                    #expect(certificate.body.contains("<td>\(item.serial)</td>"), "\(item.serial)")
                }
                for r in records {
                    #expect(certificate.body.contains("\(HTML.escape(r.mediaType.label)) n° \(r.mediaSerial) : \(HTML.escape(r.level.label)), \(HTML.escape(r.method.label)), \(HTML.escape(r.tool))"), "\(r.mediaSerial)")
                }
                let withRecord = Set(records.map { $0.$item.id })
                let treated = collected.filter { $0.deviceType == .monitor || withRecord.contains($0.id!) }.count
                #expect(certificate.body.contains("\(French.count(collected.count, "matériel collecté", "matériels collectés")), \(French.count(treated, "traité", "traités")) à ce jour."))

                let board = try await C.client(app, DemoData.boardEmail)
                #expect(try await board.get(path).status == .ok)
                let donor = try #require(try await Company.find(pledge.$donorCompany.id, on: app.db))
                let skazy = try await C.company(app, "SKAZY")
                let donorClient = donor.id == skazy.id ? try await C.client(app, DemoData.memberEmail)
                    : try await C.contactClient(app, company: donor, email: "dsi@donateur.example").0
                let own = try await donorClient.get(path)
                #expect(own.status == .ok, "the donor company's contacts read their certificate")
                #expect(own.body.contains(collected[0].serial))
                if donor.id != skazy.id {
                    let member = try await C.client(app, DemoData.memberEmail)
                    #expect(try await member.get(path).status == .forbidden)
                }
                let charity = try await C.client(app, DemoCollecte.charityEmail)
                #expect(try await charity.get(path).status == .forbidden)

                // The pledge still waiting for its pick-up has nothing to certify yet.
                let waiting = try #require(pledges.first { p in !(byPledge[p.id!] ?? []).isEmpty && (byPledge[p.id!] ?? []).allSatisfy { $0.state == .pledged } })
                let empty = try await staff.get("/collecte/promesses/\(waiting.id!.uuidString)/certificat")
                #expect(empty.body.contains("0 matériel collecté"))
                #expect(empty.body.contains("Aucun matériel collecté pour l&#39;instant."))
            }
        }

        // MARK: Campaign figures

        @Test func campaignFiguresComeFromTheItemsAndMoveWithThem() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await C.client(app, DemoData.managerEmail)
                let campaignID = try await C.campaign(app).requireID()

                func checkFigures(_ context: String) async throws -> TestClient.Page {
                    let items = try await C.items(app)
                    let page = try await staff.get("/collecte/2025")
                    #expect(page.status == .ok)
                    #expect(page.body.contains("<li><span>Matériels</span><strong>\(items.count)</strong>"), "\(context)")
                    let handed = items.filter { $0.state == .handedOver }.count
                    #expect(page.body.contains("<li><span>Remis</span><strong>\(handed)</strong>"), "\(context)")
                    if let days = C.averageDays(items) {
                        #expect(page.body.contains("en \(days) jours en moyenne après la collecte"), "\(context): \(days) days")
                    }
                    let kg = C.avoidedKg(items)
                    #expect(page.body.contains("<h2>CO2e évité : \(Money.grouped(Int(kg.rounded()))) kg</h2>"), "\(context): \(kg) kg")
                    let tonnes = (kg / 1000 * 10).rounded() / 10
                    #expect(page.body.contains("<strong>\(Indicators.format(tonnes)) t</strong>"), "\(context)")
                    // By state, in the chart's table.
                    let chart = try #require(C.section(page.body, from: "<details class=\"chart-data\">", to: "</details>"))
                    for state in CollectItemState.allCases {
                        let n = items.filter { $0.state == state }.count
                        #expect(chart.contains("<tr><th scope=\"row\">\(HTML.escape(state.label))</th><td class=\"num\">\(n)</td></tr>"), "\(context): \(state)")
                    }
                    // By type, refurbisher and charity.
                    for (type, list) in Dictionary(grouping: items, by: \.deviceType) {
                        #expect(page.body.contains("<tr><td>\(HTML.escape(type.label))</td><td class=\"num\">\(list.count)</td></tr>"), "\(context): \(type)")
                    }
                    for (companyID, list) in Dictionary(grouping: items.filter { $0.$refurbisher.id != nil }, by: { $0.$refurbisher.id! }) {
                        let name = try #require(try await Company.find(companyID, on: app.db)).name
                        #expect(page.body.contains("<tr><td>\(HTML.escape(name))</td><td class=\"num\">\(list.count)</td></tr>"), "\(context): \(name)")
                    }
                    for (charityID, list) in Dictionary(grouping: items.filter { $0.$charity.id != nil }, by: { $0.$charity.id! }) {
                        let name = try #require(try await Charity.find(charityID, on: app.db)).name
                        #expect(page.body.contains("<tr><td>\(HTML.escape(name))</td><td class=\"num\">\(list.count)</td></tr>"), "\(context): \(name)")
                    }
                    // Share erased: the items past the erasure step that hold data, and those with a record.
                    let past: Set<CollectItemState> = [.refurbished, .graded, .ready, .allocated, .handedOver]
                    let needing = items.filter { past.contains($0.state) && $0.deviceType != .monitor }
                    let withRecord = Set(try await ErasureRecord.query(on: app.db).all().map { $0.$item.id })
                    let recorded = needing.filter { withRecord.contains($0.id!) }
                    let share = Int((Double(recorded.count) / Double(needing.count) * 100).rounded())
                    #expect(page.body.contains("<strong>\(share) %</strong><small>\(recorded.count) sur \(needing.count) avec support de stockage</small>"), "\(context)")
                    // Per type, the published factor.
                    for type in Set(items.filter { $0.state == .handedOver }.map(\.deviceType)) {
                        let n = items.filter { $0.state == .handedOver && $0.deviceType == type }.count
                        #expect(page.body.contains("<tr><td>\(HTML.escape(type.label))</td><td class=\"num\">\(n)</td><td class=\"num\">\(Indicators.format(C.publishedFactors[type] ?? 0))</td>"), "\(context): \(type)")
                    }
                    return page
                }

                let before = try await checkFigures("demo")
                let items = try await C.items(app)
                #expect(items.count == 920, "the report's 920 items")
                #expect(before.body.contains("<strong>920</strong>"))
                #expect(before.body.contains(HTML.escape(CarbonAvoided.methodText)), "the method is printed next to the figure")
                #expect(before.body.contains("Ordinateur portable</td><td class=\"num\">\(items.filter { $0.state == .handedOver && $0.deviceType == .laptop }.count)</td><td class=\"num\">182,6</td>"))

                // Hand over one more laptop: one more « remis », and 182,6 kg more avoided.
                let laptop = try #require(items.first { $0.state == .allocated && $0.deviceType == .laptop })
                #expect(try await staff.post("/collecte/objets/\(laptop.id!.uuidString)/etat", ["state": "handed_over"]).status == .seeOther)
                let after = try await C.items(app)
                #expect(after.filter { $0.state == .handedOver }.count == items.filter { $0.state == .handedOver }.count + 1)
                #expect(abs(C.avoidedKg(after) - C.avoidedKg(items) - 182.6) < 0.05)
                _ = try await checkFigures("after one handover")

                // An erased item leaves the erasure step with its record: the figures follow.
                let erased = try #require(after.first { $0.state == .erased && $0.deviceType == .desktop })
                #expect(try await ErasureRecord.query(on: app.db).filter(\.$item.$id == erased.requireID()).count() > 0)
                #expect(try await staff.post("/collecte/objets/\(erased.id!.uuidString)/etat", ["state": "refurbished"]).status == .seeOther)
                _ = try await checkFigures("after one refurbishing")

                // Filters and pages of the item list.
                for state in [CollectItemState.ready, .handedOver, .pledged] {
                    let n = after.filter { $0.state == state }.count
                    let page = try await staff.get("/collecte/2025?etat=\(state.rawValue)")
                    let ids = C.listedIDs(page.body)
                    #expect(ids.count == min(50, n), "\(state)")
                    let expected = Set(after.filter { $0.state == state }.compactMap(\.id))
                    #expect(ids.allSatisfy(expected.contains))
                    if n > 50 {
                        let last = (n + 49) / 50
                        #expect(page.body.contains("Page 1 sur \(last)"))
                        let lastPage = try await staff.get("/collecte/2025?etat=\(state.rawValue)&page=\(last)")
                        #expect(C.listedIDs(lastPage.body).count == n - (last - 1) * 50)
                    }
                }
                let tablets = after.filter { $0.deviceType == .tablet }
                #expect(C.listedIDs(try await staff.get("/collecte/2025?type=tablet").body).count == min(50, tablets.count))
                let mixed = after.filter { $0.deviceType == .desktop && $0.state == .handedOver }.count
                #expect(C.listedIDs(try await staff.get("/collecte/2025?type=desktop&etat=handed_over").body).count == min(50, mixed))
                let target = try #require(after.first { $0.state == .graded })
                let search = try await staff.get("/collecte/2025?q=\(target.serial)")
                #expect(C.listedIDs(search.body) == [target.id!])
                // The search box ignores case, as the other searches of the application do.
                let latitudes = after.filter { $0.model.lowercased().contains("latitude") }.count
                #expect(latitudes > 0)
                let typed = C.listedIDs(try await staff.get("/collecte/2025?q=Latitude").body).count
                #expect(typed == min(50, latitudes))
                let lowercase = C.listedIDs(try await staff.get("/collecte/2025?q=latitude").body).count
                #expect(lowercase == min(50, latitudes), "the search ignores case on both databases")
                #expect(try await CollectItem.query(on: app.db).filter(\.$campaign.$id == campaignID).count() == 920)
            }
        }

        // MARK: Public pledge form

        @Test func publicPledgeCreatesOneItemPerUnitAndRefusesBadLines() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                let form = try await visitor.get("/collecte/don")
                #expect(form.status == .ok)
                #expect(form.body.contains("name=\"\(PublicFormGuard.honeypotField)\""))
                #expect(form.body.contains("Donner du matériel à la Grande Collecte 2025"))
                let pledgesBefore = try await CollectPledge.query(on: app.db).count()
                let itemsBefore = try await CollectItem.query(on: app.db).count()
                let mailsBefore = try await OutboxMessage.query(on: app.db).count()
                /// The form's rows (type, quantity, model) from « type ; quantité ; modèle » lines.
                func fields(_ lines: String, email: String = "dsi@lagon.example") -> [String: String] {
                    var out = ["donorName": "Lagon Assurances", "contactName": "Marie Tein", "contactEmail": email, "address": "12 avenue du Maréchal Foch, Nouméa",
                               "notes": "Le matin", PublicFormGuard.honeypotField: ""]
                    let rows = lines.split(separator: "\n", omittingEmptySubsequences: false)
                    out["rows"] = String(rows.count)
                    for (i, row) in rows.enumerated() {
                        let parts = row.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                        for (j, name) in ["type", "quantity", "model"].enumerated() { out["\(name)_\(i)"] = j < parts.count ? parts[j] : "" }
                    }
                    return out
                }

                // The form has rows, not a text to write in a syntax; « Ajouter une ligne » draws one more, what was typed kept, nothing saved.
                #expect(form.body.contains("<select name=\"type_0\"") && form.body.contains("name=\"quantity_0\"") && !form.body.contains("name=\"type_1\""))
                var more = fields("laptop ; 4 ; ThinkPad <T480>")
                more["step"] = "addRow"
                let grown = try await visitor.post("/collecte/don", more)
                #expect(grown.status == .ok)
                #expect(grown.body.contains("<option value=\"laptop\" selected>") && grown.body.contains("name=\"quantity_0\" value=\"4\""))
                #expect(grown.body.contains("value=\"ThinkPad &lt;T480&gt;\"") && grown.body.contains("<select name=\"type_1\""))
                #expect(grown.body.contains("name=\"rows\" value=\"2\"") && grown.body.contains("value=\"Lagon Assurances\""))
                #expect(try await CollectPledge.query(on: app.db).count() == pledgesBefore)

                // Bad lines: a French message, the form kept, nothing recorded.
                for (lines, message) in [
                    ("Ordinateur portable ; 2\ntondeuse ; 1", "Ligne 2 : type inconnu « tondeuse » ("),
                    ("laptop ; 0", "Ligne 1 : quantité entre 1 et 500 attendue."),
                    ("laptop ; beaucoup", "Ligne 1 : quantité entre 1 et 500 attendue."),
                    ("  \n ", "Indiquez au moins un matériel (une ligne par type)."),
                ] {
                    let refused = try await visitor.post("/collecte/don", fields(lines))
                    #expect(refused.status == .badRequest, "\(lines)")
                    #expect(refused.body.contains(message), "\(message)")
                    #expect(refused.body.contains("value=\"Lagon Assurances\""))
                    #expect(refused.body.contains(">Le matin</textarea>"))
                }
                let badEmail = try await visitor.post("/collecte/don", fields("laptop ; 1", email: "pas-un-email"))
                #expect(badEmail.status == .badRequest)
                #expect(badEmail.body.contains("Adresse e-mail invalide."))
                // A bot filling the hidden field is thanked and ignored.
                var bot = fields("laptop ; 3")
                bot[PublicFormGuard.honeypotField] = "https://spam.example"
                #expect(try await visitor.post("/collecte/don", bot).status == .seeOther)
                #expect(try await CollectPledge.query(on: app.db).count() == pledgesBefore)
                #expect(try await CollectItem.query(on: app.db).count() == itemsBefore)
                #expect(try await OutboxMessage.query(on: app.db).count() == mailsBefore)

                // A good pledge: one item per unit, all promised, with the model typed.
                let sent = try await visitor.post("/collecte/don", fields("Ordinateur portable ; 3 ; Dell Latitude 5490\nécran ; 2\nsmartphone"))
                #expect(sent.status == .seeOther)
                #expect(sent.location == "/collecte/don")
                #expect(try await visitor.get("/collecte/don").body.contains("Merci pour votre promesse de don"))
                let pledge = try #require(try await CollectPledge.query(on: app.db).filter(\.$donorName == "Lagon Assurances").first())
                #expect(pledge.$donorCompany.id == nil)
                #expect(pledge.contactEmail == "dsi@lagon.example")
                #expect(pledge.pickupOn == nil)
                let items = try await CollectItem.query(on: app.db).filter(\.$pledge.$id == pledge.requireID()).all()
                #expect(items.count == 6)
                #expect(items.allSatisfy { $0.state == .pledged })
                #expect(items.filter { $0.deviceType == .laptop }.count == 3)
                #expect(items.filter { $0.deviceType == .monitor }.count == 2)
                #expect(items.filter { $0.deviceType == .smartphone }.count == 1)
                #expect(items.filter { $0.deviceType == .laptop }.allSatisfy { $0.model == "Dell Latitude 5490" })
                #expect(Set(items.map(\.tag)).count == 6)
                #expect(Set(items.map(\.tag)) == Set((itemsBefore + 1...itemsBefore + 6).map { String(format: "GC2025-%05d", $0) }))
                for item in items {
                    let moves = try await C.moves(app, item)
                    #expect(moves.count == 1)
                    #expect(moves.first?.from == .pledged && moves.first?.to == .pledged)
                }
                let thanks = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "dsi@lagon.example").first())
                #expect(thanks.kind == "pledge_received")
                #expect(thanks.body.contains("6 matériels"))

                // Staff see it among the campaign's pledges, with its items to collect.
                let staff = try await C.client(app, DemoData.managerEmail)
                let campaign = try await staff.get("/collecte/2025")
                #expect(campaign.body.contains("<a href=\"/collecte/promesses/\(pledge.id!.uuidString)\">Lagon Assurances</a>"))
                let pledgePage = try await staff.get("/collecte/promesses/\(pledge.id!.uuidString)")
                #expect(pledgePage.body.contains("6 (6 encore à collecter)"))
                #expect(pledgePage.body.components(separatedBy: "name=\"items[]\"").count - 1 == 6)
                #expect(try await staff.get("/collecte/2025?etat=pledged&q=GC2025-0092").body.contains(items.sorted { $0.tag < $1.tag }[0].tag))
            }
        }

        // MARK: Campaigns and charities

        @Test func staffCreateCampaignsAndCharitiesWithAnInvitedLogin() async throws {
            try await withGrappe(demo: true) { app in
                // The public page shows the latest campaign's figures.
                let items = try await C.items(app)
                let publicPage = try await TestClient(app).get("/collecte")
                #expect(publicPage.status == .ok)
                #expect(publicPage.body.contains("<li><span>Matériels confiés en 2025</span><strong>\(items.filter { $0.state != .pledged }.count)</strong></li>"))
                #expect(publicPage.body.contains("<li><span>Remis à des associations</span><strong>\(items.filter { $0.state == .handedOver }.count)</strong></li>"))
                #expect(!publicPage.body.contains("/collecte/2025\""), "no link to the staff figures")

                let staff = try await C.client(app, DemoData.managerEmail)
                let index = try await staff.get("/collecte")
                #expect(index.body.contains("<a href=\"/collecte/2025\">La Grande Collecte Numérique</a>"))
                let duplicate = try await staff.post("/collecte", ["year": "2025", "name": "Bis", "goal": "10", "startsOn": "2025-01-01", "endsOn": "2025-12-31"])
                #expect(duplicate.status == .seeOther)
                #expect(try await staff.get("/collecte").body.contains("Une campagne existe déjà pour 2025."))
                let bad = try await staff.post("/collecte", ["year": "2026", "name": "Collecte 2026", "goal": "0", "startsOn": "2026-04-01", "endsOn": "2026-12-31"])
                #expect(bad.status == .seeOther)
                #expect(try await staff.get("/collecte").body.contains("Campagne incomplète : année, nom, objectif positif et période valide."))
                #expect(try await CollectCampaign.query(on: app.db).count() == 1)
                let created = try await staff.post("/collecte", ["year": "2026", "name": "Collecte 2026", "goal": "700", "startsOn": "2026-04-01", "endsOn": "2026-12-31",
                                                                 "aims": "Réduire les déchets\nÉquiper les associations"])
                #expect(created.status == .seeOther)
                #expect(created.location == "/collecte/2026")
                let fresh = try await staff.get("/collecte/2026")
                #expect(fresh.status == .ok)
                #expect(fresh.body.contains("<li><span>Matériels</span><strong>0</strong><small>objectif 700</small></li>"))
                #expect(fresh.body.contains("Réduire les déchets · Équiper les associations"))
                // The public pledge form now collects for the new campaign.
                #expect(try await TestClient(app).get("/collecte/don").body.contains("Grande Collecte 2026"))

                // Charities: created with an invited login.
                let list = try await staff.get("/collecte/associations")
                for charity in try await Charity.query(on: app.db).all() { #expect(list.body.contains(HTML.escape(charity.name)), "\(charity.name)") }
                let added = try await staff.post("/collecte/associations", ["name": "Les Amis de Hienghène", "commune": "hienghene", "email": "Contact@Amis-Hienghene.example"])
                #expect(added.status == .seeOther)
                let charity = try #require(try await Charity.query(on: app.db).filter(\.$name == "Les Amis de Hienghène").first())
                #expect(charity.commune == "Hienghène")
                let login = try #require(try await User.query(on: app.db).filter(\.$email == "contact@amis-hienghene.example").first())
                #expect(login.role == .charity)
                #expect(login.$charity.id == charity.id)
                let invitation = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "contact@amis-hienghene.example").all()
                #expect(invitation.count == 1)
                let again = try await staff.post("/collecte/associations", ["name": "Doublon", "commune": "Nouméa", "email": "contact@amis-hienghene.example"])
                #expect(again.status == .seeOther)
                #expect(try await staff.get("/collecte/associations").body.contains("Un compte existe déjà pour contact@amis-hienghene.example."))
                let refused = try await staff.post("/collecte/associations", ["name": "Nulle part", "commune": "Paris", "email": "a@b.example"])
                #expect(refused.status == .seeOther)
                #expect(try await Charity.query(on: app.db).filter(\.$name ~~ ["Doublon", "Nulle part"]).count() == 0)

                let board = try await C.client(app, DemoData.boardEmail)
                let boardList = try await board.get("/collecte/associations")
                #expect(boardList.status == .ok)
                #expect(!boardList.body.contains("Ajouter et inviter"))
                #expect(try await board.post("/collecte/associations", ["name": "X", "commune": "Nouméa", "email": "x@x.example"]).status == .forbidden)
                let member = try await C.client(app, DemoData.memberEmail)
                #expect(try await member.get("/collecte/associations").status == .forbidden)
            }
        }
    }
}
