import EngineTestSupport
import Testing
import SlotSolver

/// The one grid the plan shows, `book` accepts and suggestions come from.
@Suite struct SlotGridTests {
    let rule = EngineTestSupport.rule("s", doctor: 0, .sunday, patients: "09:00-10:10", reps: "12:05-13:00", minutes: 20)

    @Test func patientSlotsAreTheAppointmentLengthBackToBackFromTheWindowStart() {
        let grid = SlotGrid(rule: rule, kind: .appointment)
        #expect(grid.step == 20 && grid.length == 20)
        // 09:00, 09:20, 09:40; 10:00–10:20 would end past 10:10.
        #expect(grid.slots == [window("09:00-09:20"), window("09:20-09:40"), window("09:40-10:00")])
        #expect(grid.isSlotStart(at("09:40")) && grid.isSlotStart(at("10:00")))
        #expect(!grid.isSlotStart(at("09:07")) && !grid.isSlotStart(at("08:40")) && !grid.isSlotStart(at("09:10")))
    }

    @Test func repSlotsAreFifteenMinutesApartFromTheRepWindowStartWhateverTheVisitLength() {
        let grid = SlotGrid(rule: rule, kind: .repVisit, length: 30)
        #expect(grid.step == 15 && grid.length == 30)
        #expect(grid.slots.map(\.description) == ["12:05–12:35", "12:20–12:50"])
        #expect(grid.isSlotStart(at("12:35")) && !grid.isSlotStart(at("12:30")))
    }

    @Test func freeSlotsMeetNoBusyInterval() {
        let grid = SlotGrid(rule: rule, kind: .appointment)
        // Touching is not overlapping; overlapping busy intervals merge.
        #expect(grid.freeSlots(busy: [window("09:10-09:20"), window("09:15-09:25")]) == [window("09:40-10:00")])
        #expect(grid.freeSlots(busy: [window("09:20-09:40")]) == [window("09:00-09:20"), window("09:40-10:00")])
        #expect(SlotGrid(window: window("09:00-10:00"), step: 15, length: 0).slots.isEmpty)
    }
}
