import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct AssemblyHTTPTests {
        @Test func demoAssemblyReachedItsQuorum() async throws {
            try await withGrappe(demo: true) { app in
                let ag = try #require(try await ClusterEvent.query(on: app.db).filter(\.$kind == .generalAssembly).first())
                let client = TestClient(app)
                try await client.login(DemoData.boardEmail)
                let page = try await client.get("/evenements/\(ag.id!.uuidString)/assemblee")
                #expect(page.status == .ok)
                #expect(page.body.contains("<strong>atteint</strong>"))
                #expect(page.body.contains("Approbation des comptes 2024"))
                #expect(!page.body.contains("name=\"a_"), "the board reads, staff record")
                #expect(try await client.post("/evenements/\(ag.id!.uuidString)/assemblee/resolutions", ["title": "x", "for": "1", "against": "0", "abstain": "0"]).status == .forbidden)
                let member = TestClient(app)
                try await member.login(DemoData.memberEmail)
                #expect(try await member.get("/evenements/\(ag.id!.uuidString)/assemblee").status == .forbidden)
            }
        }

        @Test func conveneRecordProxiesQuorumAndVotes() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let a = try await Fixtures.member(app, name: "Alpha")
                let b = try await Fixtures.member(app, name: "Beta")
                let c = try await Fixtures.member(app, name: "Gamma")
                let d = try await Fixtures.member(app, name: "Delta")
                let unpaid = try await Fixtures.member(app, name: "Zeta impayée")
                _ = try await Fixtures.issueDues(app)
                let orgID = try await Fixtures.organisationID(app)
                for m in [a, b, c, d] {
                    let due = try await Fixtures.due(app, company: m.company)
                    try await DuesService.recordPayment(dueID: due.requireID(), amount: due.amount, paidOn: FrenchDate.make(2025, 3, 1), method: .transfer,
                                                        reference: "", organisationID: orgID, user: nil, on: app.db)
                }
                let start = FrenchDate.at(FrenchDate.make(2025, 6, 19), minutes: 1050)
                let ag = ClusterEvent(organisationID: orgID, kind: .generalAssembly, title: "Assemblée générale 2025", startsAt: start, endsAt: start.addingTimeInterval(7200))
                try await ag.create(on: app.db)
                let path = "/evenements/\(ag.id!.uuidString)/assemblee"
                let client = try await Fixtures.staffClient(app)
                let page = try await client.get(path)
                #expect(page.body.contains("Votants (à jour de cotisation 2025)</span><strong>4</strong>"), "the unpaid member does not vote")
                #expect(try await client.post(path, ["quorum": "75", "proxies": "1"]).status == .seeOther)
                #expect(try await client.post(path, ["quorum": "0", "proxies": "1"]).status == .badRequest)
                #expect(try await client.post(path + "/convocation").status == .seeOther)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "assembly_convocation").count() == 5, "every holder is convened, paid or not")
                func id(_ m: (company: Company, person: Person)) -> String { m.company.id!.uuidString }
                let tooMany = try await client.post(path + "/presences", ["a_\(id(a))": "present", "a_\(id(b))": "represented", "proxy_\(id(b))": id(a),
                                                                          "a_\(id(c))": "represented", "proxy_\(id(c))": id(a)])
                #expect(tooMany.status == .badRequest)
                #expect(tooMany.body.contains("ne peut porter plus de 1 pouvoir"))
                let toAbsent = try await client.post(path + "/presences", ["a_\(id(b))": "represented", "proxy_\(id(b))": id(d)])
                #expect(toAbsent.body.contains("confié à un adhérent présent"))
                let notVoter = try await client.post(path + "/presences", ["a_\(id(unpaid))": "present"])
                #expect(notVoter.body.contains("Seuls les adhérents à jour"))
                #expect(try await AssemblyAttendance.query(on: app.db).count() == 0, "nothing half-written")
                let ok = try await client.post(path + "/presences", ["a_\(id(a))": "present", "a_\(id(b))": "present", "a_\(id(c))": "represented", "proxy_\(id(c))": id(a)])
                #expect(try await client.get(ok.location!).body.contains("quorum atteint (3 / 3)"))
                let tooManyVotes = try await client.post(path + "/resolutions", ["title": "Rapport moral", "for": "3", "against": "1", "abstain": "0"])
                #expect(tooManyVotes.body.contains("4 voix exprimées pour 3 votants"))
                let vote = try await client.post(path + "/resolutions", ["title": "Rapport moral <b>2024</b>", "for": "2", "against": "1", "abstain": "0"])
                #expect(try await client.get(vote.location!).body.contains("Résolution 1 : adoptée."))
                let final = try await client.get(path)
                #expect(final.body.contains("Rapport moral &lt;b&gt;2024&lt;/b&gt;"))
            }
        }
    }
}
