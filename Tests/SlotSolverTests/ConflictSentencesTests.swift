import EngineTestSupport
import Testing
@testable import SlotSolver

@Suite("ConflictSentences")
struct ConflictSentencesTests {
    @Test func handFormattedTimesMatchMinuteOfDay() {
        for minutes in Int32(-5) ..< 6_100 {
            #expect(ConflictSentences.clock(MinuteOfDay(minutes)) == MinuteOfDay(minutes).description)
        }
        #expect(ConflictSentences.span(window("09:05-24:00")) == "09:05–24:00")
    }

    @Test func sentences() {
        let visit = Occurrence(kind: .repVisit, doctor: 0, person: 0, record: 0, date: day("2026-12-11"),
                               start: at("13:05"), length: 25)
        #expect(ConflictSentences.noSchedule(visit) == "rep visit at 13:05 on a Friday, when the doctor has no schedule")
        #expect(ConflictSentences.outsideHours(visit, window: window("13:00-13:15"))
                == "rep visit 13:05–13:30 is outside the rep window 13:00–13:15")
        #expect(ConflictSentences.overlap(count: 4, of: "items", span: window("08:55-10:00"))
                == "4 overlapping items between 08:55 and 10:00")
    }
}
