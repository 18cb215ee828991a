import Testing
@testable import GrappeDomain

@Suite struct TextTests {
    @Test func foldsAccentsCaseAndLigatures() {
        #expect(TextFolding.fold(" Cœur de Filière ") == "coeur de filiere")
        #expect(TextFolding.fold("SÉCURITÉ") == "securite")
    }

    @Test func slugs() {
        #expect(TextFolding.slug("Stratégie Zen IT") == "strategie-zen-it")
        #expect(TextFolding.slug("SHOP.NC") == "shop-nc")
        #expect(TextFolding.slug("<script>") == "script")
        #expect(TextFolding.slug("!!!") == "entreprise")
    }

    @Test func communes() {
        #expect(Communes.all.count == 33)
        #expect(Set(Communes.all).count == 33)
        #expect(Communes.canonical("noumea") == "Nouméa")
        #expect(Communes.canonical("LE MONT-DORE") == "Le Mont-Dore")
        #expect(Communes.canonical("Paris") == nil)
    }

    @Test func ridet() {
        #expect(RIDET.normalize("1 234 567.001") == "1234567.001")
        #expect(RIDET.normalize("1234567001") == "1234567.001")
        #expect(RIDET.normalize("123456") == "0123456")
        #expect(RIDET.normalize("12345") == nil)
        #expect(RIDET.normalize("12a4567") == nil)
        #expect(RIDET.normalize("") == nil)
    }

    @Test func categoriesAndGendersFromLooseText() {
        #expect(MembershipCategory(loose: "Cœur de filière") == .core)
        #expect(MembershipCategory(loose: "PARTENAIRE") == .partner)
        #expect(MembershipCategory(loose: "autre") == nil)
        #expect(Gender(loose: "F") == .female)
        #expect(Gender(loose: "homme") == .male)
        #expect(Gender(loose: "?") == nil)
    }

    @Test func fieldChecks() {
        #expect(FieldCheck.isEmail("a@b.nc"))
        #expect(!FieldCheck.isEmail("a@b"))
        #expect(!FieldCheck.isEmail("a b@c.nc"))
        #expect(!FieldCheck.isEmail("<x>@y.nc"))
        #expect(FieldCheck.isWebURL("https://open.nc"))
        #expect(!FieldCheck.isWebURL("javascript:alert(1)"))
        #expect(!FieldCheck.isWebURL("open.nc"))
        #expect(FieldCheck.isPhone("73.11.60"))
        #expect(FieldCheck.isPhone("+687 73 11 60"))
        #expect(!FieldCheck.isPhone("appelez-moi"))
        #expect(FieldCheck.flag("Oui") == true)
        #expect(FieldCheck.flag("") == false)
        #expect(FieldCheck.flag("peut-être") == nil)
    }
}

@Suite struct FrenchAgreementTests {
    @Test func zeroAndOneTakeTheSingular() {
        #expect(French.count(0, "réunion planifiée", "réunions planifiées") == "0 réunion planifiée")
        #expect(French.count(1, "réunion planifiée", "réunions planifiées") == "1 réunion planifiée")
        #expect(French.count(2, "réunion planifiée", "réunions planifiées") == "2 réunions planifiées")
        #expect(French.count(1_640, "action", "actions") == "1\u{202F}640 actions")
        #expect(French.word(3, "inchangée", "inchangées") == "inchangées")
    }
}

@Suite struct DirectoryCommuneSearchTests {
    @Test func aTermNamesTheCommunesThatContainIt() {
        #expect(DirectorySearch.communes(matching: "dore") == ["Le Mont-Dore"])
        #expect(DirectorySearch.communes(matching: "kone") == ["Koné"])
        #expect(DirectorySearch.communes(matching: "noumea") == ["Nouméa"])
        #expect(DirectorySearch.communes(matching: "").isEmpty)
        #expect(DirectorySearch.communes(matching: "xyz").isEmpty)
        #expect(DirectorySearch.text("studio", commune: "Le Mont-Dore") == "studio\nle mont-dore")
    }
}
