/// How glibc's allocator serves a command that loads a folder, works once and exits.
///
/// By default glibc maps every block above 128 kB (raised as blocks are freed, up to 32 MB) with
/// its own `mmap` and unmaps it when freed, and returns free memory at the top of the heap to the
/// system: a load that grows and drops arrays of hundreds of megabytes then touches fresh pages
/// again and again, and each first touch is a page fault that zeroes a page (about a seventh of
/// `conflicts` on an 80 MB export). Kept in the heap instead, freed blocks are reused in place:
/// a quarter fewer page faults there. A long-running `serve` keeps glibc's defaults, so that the
/// memory of old snapshots goes back to the system.
enum MallocTuning {
    static func keepFreedMemory() {
        #if os(Linux)
        // 32 MB: the largest threshold glibc accepts (larger values are refused).
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }

    #if os(Linux)
    // <malloc.h>, which the Glibc module does not import: `int mallopt(int, int)` and two of its
    // parameters (M_TRIM_THRESHOLD, M_MMAP_THRESHOLD).
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
