import Testing
@testable import GrappeDomain

@Suite struct CarbonTests {
    @Test func factorsFromADEME() {
        #expect(CarbonAvoided.factors[.laptop] == 182.6)
        #expect(CarbonAvoided.factors[.desktop] == 204.4)
        #expect(CarbonAvoided.factors[.monitor] == 65.9)
        #expect(CarbonAvoided.factors[.smartphone] == 85.1)
        #expect(CarbonAvoided.factors[.tablet] == 59.7)
        #expect(CarbonAvoided.factors[.printer] == 0)
        #expect(CarbonAvoided.factors[.network] == 0)
        #expect(CarbonAvoided.factors[.other] == 0)
        #expect(CarbonAvoided.factors.count == DeviceType.allCases.count)
    }

    @Test func aLaptopCounts182Point6Kg() {
        let result = CarbonAvoided.total(counts: [.laptop: 1])
        #expect(result.kg == 182.6)
        #expect(result.perType == [.laptop: 182.6])
        #expect(result.uncounted == 0)
    }

    @Test func totalsAndUncounted() {
        let result = CarbonAvoided.total(counts: [.laptop: 3, .desktop: 2, .monitor: 4, .printer: 2, .network: 1, .other: 5, .tablet: 0])
        // 3 × 182.6 + 2 × 204.4 + 4 × 65.9 = 547.8 + 408.8 + 263.6
        #expect(result.kg == 1220.2)
        #expect(result.perType == [.laptop: 547.8, .desktop: 408.8, .monitor: 263.6])
        #expect(result.uncounted == 8)
    }

    @Test func emptyAndNegativeCounts() {
        let none = CarbonAvoided.total(counts: [:])
        #expect(none.kg == 0 && none.perType.isEmpty && none.uncounted == 0)
        let negative = CarbonAvoided.total(counts: [.laptop: -2, .printer: -1])
        #expect(negative.kg == 0 && negative.uncounted == 0)
    }

    @Test func methodIsPublished() {
        #expect(CarbonAvoided.methodText.contains("182,6"))
        #expect(CarbonAvoided.methodText.contains("réemploi"))
        #expect(!CarbonAvoided.methodText.contains("\n"))
        #expect(CarbonAvoided.sources.count == 2)
        #expect(CarbonAvoided.sources.allSatisfy { $0.contains("ADEME") })
    }

    @Test func deviceTypes() {
        #expect(DeviceType.laptop.label == "Ordinateur portable")
        #expect(DeviceType.laptop.weeeCategory == 2)
        #expect(DeviceType.desktop.weeeCategory == 6)
        #expect(DeviceType.other.weeeCategory == nil)
        #expect(DeviceType.monitor.weeeHint.hasPrefix("DEEE catégorie 2"))
    }
}
