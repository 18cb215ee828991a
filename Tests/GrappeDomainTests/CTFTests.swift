import Foundation
import Testing
@testable import GrappeDomain

/// Hackagou's rules without a database: CTFd's scoring, flags, submissions, the standings, the
/// edition's times and the order in which an attempt is judged.
@Suite struct CTFTests {
    static func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60) }

    @Test func dynamicValuesDecayAsInCTFd() {
        let linear = ChallengeScoring.linear(initial: 500, decay: 50, minimum: 100)
        #expect([0, 1, 2, 3, 9, 20].map(linear.value) == [500, 500, 450, 400, 100, 100])
        let log = ChallengeScoring.logarithmic(initial: 500, decay: 10, minimum: 100)
        #expect(log.value(solves: 1) == 500)
        #expect(log.value(solves: 6) == 400, "x = 5: (100 − 500) / 100 · 25 + 500")
        #expect(log.value(solves: 4) == 464, "x = 3: −400 · 9 / 100 + 500 = 464")
        #expect(log.value(solves: 11) == 100 && log.value(solves: 40) == 100)
        #expect(ChallengeScoring.logarithmic(initial: 500, decay: 0, minimum: 100).value(solves: 2) == 100, "a decay of 0 counts as 1")
        #expect(ChallengeScoring.linear(initial: 100, decay: 3, minimum: 0).value(solves: 2) == 97)
        #expect(ChallengeScoring.fixed(250).value(solves: 99) == 250)
        #expect(ChallengeScoring.linear(initial: 100, decay: 1, minimum: 200).problem != nil)
        #expect(ChallengeScoring.fixed(-1).problem != nil && ChallengeScoring.fixed(0).problem == nil)
    }

    @Test func flagsMatchExactlyOrByAWholeRegex() {
        let exact = FlagRule(kind: .static, content: "HACKAGOU{Corail}")
        #expect(exact.matches("HACKAGOU{Corail}") && !exact.matches("HACKAGOU{corail}") && !exact.matches("HACKAGOU{Corail}x"))
        #expect(FlagRule(kind: .static, content: "HACKAGOU{Corail}", caseInsensitive: true).matches("hackagou{CORAIL}"))
        let regex = FlagRule(kind: .regex, content: "HACKAGOU\\{[0-9]{4}\\}")
        #expect(regex.matches("HACKAGOU{2025}") && !regex.matches("xHACKAGOU{2025}") && !regex.matches("HACKAGOU{2025}x"), "the whole submission")
        #expect(FlagRule(kind: .regex, content: "hackagou\\{a+\\}", caseInsensitive: true).matches("HACKAGOU{AAA}"))
        #expect(FlagRule(kind: .regex, content: "HACKAGOU{[a-z").problem == "L'expression régulière du flag est invalide.")
        #expect(FlagRule(kind: .static, content: "").problem == "Le flag est vide.")
        #expect(ConstantTime.equal(Array("abc".utf8), Array("abc".utf8)) && !ConstantTime.equal(Array("abc".utf8), Array("abd".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("abcd".utf8)) && !ConstantTime.equal([], Array("a".utf8)))
    }

    @Test func submissionsAreCleanedOrRefused() {
        #expect(Submission.clean("  HACKAGOU{x}\n") == .success("HACKAGOU{x}"))
        #expect(Submission.clean("   ") == .failure(.empty))
        #expect(Submission.clean(String(repeating: "é", count: 257)) == .failure(.tooLong))
        #expect(Submission.clean(String(repeating: "é", count: 256)) == .success(String(repeating: "é", count: 256)))
        #expect(Submission.clean("HACKAGOU{a\u{0}b}") == .failure(.controlCharacters))
        #expect(Submission.clean("HACKAGOU{\u{202E}x}") == .failure(.controlCharacters), "a bidi override")
        #expect(Submission.Problem.controlCharacters.french == "Le flag contient des caractères de contrôle.")
    }

    @Test func standingsRankByScoreThenByWhoGotThereFirst() {
        let values = [1: 100, 2: 300]
        let solves = [Standings.Solve(teamID: 10, challengeID: 1, at: Self.at(5)), Standings.Solve(teamID: 11, challengeID: 1, at: Self.at(3)),
                      Standings.Solve(teamID: 12, challengeID: 2, at: Self.at(20)), Standings.Solve(teamID: 13, challengeID: 2, at: Self.at(1))]
        let awards = [Standings.Award(teamID: 10, value: 50, at: Self.at(30)), Standings.Award(teamID: 12, value: -300, at: Self.at(40))]
        let rows = Standings.rank(values: values, solves: solves, awards: awards, counted: [10, 11, 12])
        #expect(rows.map(\.teamID) == [10, 11, 12], "team 13 is hidden; 12's penalty takes it to 0")
        #expect(rows.map(\.score) == [150, 100, 0] && rows.map(\.position) == [1, 2, 3])
        #expect(rows[0].reachedAt == Self.at(30))
        let frozen = Standings.rank(values: values, solves: solves, awards: awards, counted: [10, 11, 12], cutoff: Self.at(10))
        #expect(frozen.map(\.teamID) == [11, 10], "at the freeze: equal scores, 11 first")
        let live = Standings.values(scoring: [1: .linear(initial: 500, decay: 100, minimum: 100), 2: .fixed(300)], solves: solves, counted: [10, 11, 12])
        #expect(live == [1: 400, 2: 300], "two counted solves of challenge 1; the hidden team does not lower it")
        let bloods = Standings.firstBloods(solves, counted: [10, 11, 12])
        #expect(bloods[1]?.teamID == 11 && bloods[2]?.teamID == 12)
        let curve = Standings.progression(teamID: 10, values: values, solves: solves, awards: awards)
        #expect(curve.map(\.score) == [100, 150])
    }

    @Test func anEditionsTimesSayWhatIsOpen() {
        let s = CTFSchedule(startsAt: Self.at(100), endsAt: Self.at(700), registrationOpensAt: Self.at(0), registrationClosesAt: Self.at(600), freezeAt: Self.at(640))
        #expect(s.problem == nil)
        #expect(s.acceptsRegistration(.registration, at: Self.at(50)) && !s.acceptsRegistration(.draft, at: Self.at(50)) && !s.acceptsRegistration(.running, at: Self.at(650)))
        #expect(!s.acceptsSubmissions(.running, at: Self.at(99)) && s.acceptsSubmissions(.running, at: Self.at(100)) && s.acceptsSubmissions(.frozen, at: Self.at(650)))
        #expect(!s.acceptsSubmissions(.running, at: Self.at(700)) && !s.acceptsSubmissions(.registration, at: Self.at(200)))
        #expect(s.boardCutoff(.running, at: Self.at(630), staff: false) == nil && s.boardCutoff(.running, at: Self.at(650), staff: false) == Self.at(640))
        #expect(s.boardCutoff(.running, at: Self.at(650), staff: true) == nil && s.boardCutoff(.ended, at: Self.at(800), staff: false) == nil)
        #expect(s.boardCutoff(.frozen, at: Self.at(300), staff: false) == Self.at(300), "frozen by hand before the planned time")
        let bad = CTFSchedule(startsAt: Self.at(100), endsAt: Self.at(90), registrationOpensAt: Self.at(0), registrationClosesAt: Self.at(50), freezeAt: nil)
        #expect(bad.problem == "La fin de la compétition doit suivre son début.")
        #expect(CTFEditionStatus.registration.moves == [.draft, .running] && CTFEditionStatus.ended.moves == [.frozen])
    }

    @Test func anAttemptIsJudgedInOrder() {
        #expect(AttemptRule.precheck(running: false, alreadySolved: true, attemptsUsed: 9, maxAttempts: 1, withinRate: false) == .paused)
        #expect(AttemptRule.precheck(running: true, alreadySolved: true, attemptsUsed: 9, maxAttempts: 1, withinRate: false) == .alreadySolved)
        #expect(AttemptRule.precheck(running: true, alreadySolved: false, attemptsUsed: 9, maxAttempts: 1, withinRate: false) == .rateLimited)
        #expect(AttemptRule.precheck(running: true, alreadySolved: false, attemptsUsed: 1, maxAttempts: 1, withinRate: true) == .exhausted)
        #expect(AttemptRule.precheck(running: true, alreadySolved: false, attemptsUsed: 100, maxAttempts: 0, withinRate: true) == nil)
        #expect(AttemptVerdict.exhausted.ctfdStatus == "incorrect" && AttemptVerdict.alreadySolved.ctfdStatus == "already_solved")
        #expect(!AttemptRule.isOpen(visible: true, visibleFrom: nil, requirements: [1, 2], solved: [1], at: Self.at(0)))
        #expect(AttemptRule.isOpen(visible: true, visibleFrom: nil, requirements: [1, 2], solved: [1, 2, 3], at: Self.at(0)))
        #expect(!AttemptRule.isOpen(visible: false, visibleFrom: Self.at(10), requirements: [], solved: [], at: Self.at(9)))
        #expect(AttemptRule.isOpen(visible: false, visibleFrom: Self.at(10), requirements: [], solved: [], at: Self.at(10)), "scheduled")
    }

    @Test func aRegistrationSaysWhatIsMissing() {
        var r = CTFRegistration(pseudonym: "x", fullName: "Léa", email: "pas-une-adresse", birthYear: 2020, gender: nil, acceptsRules: false,
                                statisticsConsent: false, sharesProfile: false, team: .create(name: "A", bracketID: 9, affiliation: ""))
        let p = r.problems(year: 2026, brackets: [1, 2])
        #expect(Set(p.keys) == ["pseudonym", "email", "birthYear", "rules", "teamName", "bracket"])
        r = CTFRegistration(pseudonym: "r00t", fullName: "Léa Wamytan", email: "lea@unc.example", birthYear: 2004, gender: .female, acceptsRules: true,
                            statisticsConsent: true, sharesProfile: true, team: .join(inviteCode: ""))
        #expect(r.problems(year: 2026, brackets: [1]) == ["inviteCode": "Saisissez le code d'invitation donné par votre équipe."])
        r.team = .join(inviteCode: "ABCD2345")
        #expect(r.problems(year: 2026, brackets: [1]).isEmpty)
    }
}

/// The report's figures of an edition.
@Suite struct CTFFiguresTests {
    @Test func ageAndWomenCountConsentingPlayersOnly() {
        let players = [CTFFigures.Player(birthYear: 2000, gender: .female, statisticsConsent: true, onSite: true),
                       CTFFigures.Player(birthYear: 2004, gender: .male, statisticsConsent: true, onSite: true),
                       CTFFigures.Player(birthYear: 2003, gender: nil, statisticsConsent: true, onSite: false),
                       CTFFigures.Player(birthYear: 1950, gender: .female, statisticsConsent: false, onSite: true)]
        let f = CTFFigures(year: 2025, players: players, teams: [("Étudiants", true), ("Étudiants", true), ("Pros", false)], brackets: ["Étudiants", "Pros"])
        #expect(f.players == 4 && f.playersOnSite == 3 && f.teams == 3 && f.studentTeams == 2)
        #expect(f.averageAge == 23, "(25 + 21 + 22) / 3; the player without consent is not counted")
        #expect(f.womenPercent == 33)
        #expect(f.teamsPerBracket.map(\.teams) == [2, 1])
        #expect(CTFFigures(year: 2025, players: [], teams: [], brackets: []).averageAge == nil)
    }
}

@Suite struct CTFYearOverYearTests {
    @Test func countsGiveTheSameFiguresAsThePlayers() {
        let players = [CTFFigures.Player(birthYear: 2000, gender: .female, statisticsConsent: true, onSite: true),
                       CTFFigures.Player(birthYear: 2004, gender: .male, statisticsConsent: true, onSite: false),
                       CTFFigures.Player(birthYear: 1950, gender: .female, statisticsConsent: false, onSite: true)]
        let fromPlayers = CTFFigures(year: 2025, players: players, teams: [("A", true), ("B", false), ("A", true)], brackets: ["A", "B"])
        let fromCounts = CTFFigures(totals: .init(players: 3, onSite: 2, counted: 2, ageSum: 25 + 21, women: 1),
                                    teams: [("B", false, 1), ("A", true, 2)], brackets: ["A", "B"])
        #expect(fromPlayers == fromCounts)
        #expect(fromCounts.averageAge == 23 && fromCounts.womenPercent == 50 && fromCounts.studentTeams == 2 && fromCounts.teamsPerBracket.map(\.teams) == [2, 1])
    }

    @Test func categoriesComeMostSolvedFirstAcrossEditions() {
        let e1 = [CTFCategoryFigures(category: "Web", solves: 10, firstBloods: 2), CTFCategoryFigures(category: "Crypto", solves: 4, firstBloods: 1)]
        let e2 = [CTFCategoryFigures(category: "Crypto", solves: 7, firstBloods: 2), CTFCategoryFigures(category: "OSINT", solves: 3, firstBloods: 1),
                  CTFCategoryFigures(category: "Divers", solves: 3, firstBloods: 1)]
        #expect(CTFYearOverYear.categories([e1, e2]) == ["Crypto", "Web", "Divers", "OSINT"], "11, 10, then 3 and 3 by name")
        #expect(CTFYearOverYear.categories([]) == [])
    }

    @Test func aChangeIsAWholePercentOfTheEarlierFigure() {
        #expect(CTFYearOverYear.change(from: 140, to: 163) == 16)
        #expect(CTFYearOverYear.change(from: 163, to: 140) == -14)
        #expect(CTFYearOverYear.change(from: nil, to: 10) == nil && CTFYearOverYear.change(from: 0, to: 10) == nil)
        #expect(CTFYearOverYear.changeLabel(from: 140, to: 163) == "+16 %" && CTFYearOverYear.changeLabel(from: 163, to: 140) == "−14 %")
        #expect(CTFYearOverYear.changeLabel(from: 50, to: 50) == "=")
    }
}

@Suite struct RetentionCutoffTests {
    @Test func theOldestKeptStartIsTwentyFourMonthsBeforeNow() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Pacific/Noumea")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 9, day: 15, hour: 10))!
        let cutoff = Retention.oldestKept(now: now, calendar: calendar)
        #expect(cutoff == calendar.date(from: DateComponents(year: 2024, month: 9, day: 15, hour: 10))!)
        #expect(Retention.isExpired(Retention.expiry(from: cutoff, calendar: calendar), now: now), "a start on the cutoff has reached its 24 months")
        #expect(!Retention.isExpired(Retention.expiry(from: cutoff.addingTimeInterval(60), calendar: calendar), now: now))
    }
}
