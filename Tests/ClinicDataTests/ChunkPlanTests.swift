import Testing

@testable import ClinicData

/// How the loader shares files between its two cores.
@Suite("Chunk plans")
struct ChunkPlanTests {
    @Test("a file larger than all the others together is cut so that both cores read as many bytes")
    func largestFileIsCut() {
        // 300 bytes against 150: the first part is 225 bytes (75 %), the second 75 plus the 150 others.
        #expect(FolderDecoder.chunkPlans([300, 100, 50]) == [.twoParts(firstShare: 0.75), .whole, .whole])
        // Alone in the folder: halves.
        #expect(FolderDecoder.chunkPlans([80]) == [.twoParts(firstShare: 0.5)])
    }

    @Test("files that balance already are read whole")
    func balancedFilesStayWhole() {
        #expect(FolderDecoder.chunkPlans([100, 60, 40]) == [.whole, .whole, .whole])
        #expect(FolderDecoder.chunkPlans([0, 0]) == [.whole, .whole])
        #expect(FolderDecoder.chunkPlans([]) == [])
    }
}
