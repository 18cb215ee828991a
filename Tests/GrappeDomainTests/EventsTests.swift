import Testing
@testable import GrappeDomain

@Suite struct EventsTests {
    @Test func seatsThenWaitingList() {
        #expect(RegistrationBook.statusForNew(capacity: 2, confirmed: 0) == .confirmed)
        #expect(RegistrationBook.statusForNew(capacity: 2, confirmed: 1) == .confirmed)
        #expect(RegistrationBook.statusForNew(capacity: 2, confirmed: 2) == .waitlisted)
        #expect(RegistrationBook.statusForNew(capacity: 0, confirmed: 500) == .confirmed, "0 = no limit")
    }

    @Test func promotionsFillFreedSeatsOnly() {
        #expect(RegistrationBook.promotions(capacity: 2, confirmed: 1, waiting: 3) == 1)
        #expect(RegistrationBook.promotions(capacity: 2, confirmed: 2, waiting: 3) == 0)
        #expect(RegistrationBook.promotions(capacity: 5, confirmed: 1, waiting: 2) == 2)
        #expect(RegistrationBook.promotions(capacity: 0, confirmed: 10, waiting: 4) == 4)
        #expect(RegistrationBook.promotions(capacity: 2, confirmed: 3, waiting: 1) == 0, "over capacity after a change")
    }

    @Test func axesRoundTrip() {
        #expect(StrategicAxis.parse("4,2,2,9,x") == [.network, .promotion])
        #expect(StrategicAxis.serialize([.promotion, .network]) == "2,4")
        #expect(StrategicAxis.allCases.count == 5)
        #expect(StrategicAxis.business.label == "Le développement du business")
    }
}
