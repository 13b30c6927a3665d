import Testing

@testable import ClinicData

/// How the loader shares files between its two cores.
@Suite("Chunk plans")
struct ChunkPlanTests {
    @Test("a file larger than an eighth of the folder is cut into parts of about an eighth")
    func largeFilesAreCut() {
        // 80 MB in all: parts of 10 MB; 50 MB gives 5 parts, 15 MB gives 2, 10 MB and less stay whole.
        let mb = 1 << 20
        #expect(FolderDecoder.chunkPlans([50 * mb, 15 * mb, 10 * mb, 5 * mb])
                == [.parts(5), .parts(2), .whole, .whole])
        // Alone in the folder: eight parts.
        #expect(FolderDecoder.chunkPlans([80 * mb]) == [.parts(8)])
    }

    @Test("small folders and small files are read whole")
    func smallFilesStayWhole() {
        // Parts are never smaller than 1 MB.
        #expect(FolderDecoder.chunkPlans([300, 100, 50]) == [.whole, .whole, .whole])
        #expect(FolderDecoder.chunkPlans([3 << 20]) == [.parts(3)])
        #expect(FolderDecoder.chunkPlans([0, 0]) == [.whole, .whole])
        #expect(FolderDecoder.chunkPlans([]) == [])
    }
}
