import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A collection file's bytes as the loader reads them: large files are memory-mapped, so
/// reading a 200 MB export copies nothing and allocates nothing (the pages come straight from
/// the page cache, and the kernel may drop and re-read them under memory pressure); small ones
/// are read into an array. Write-back, which needs an array, gets one made on first use.
final class FileContents: @unchecked Sendable {
    /// Bytes that may be read (never used) after `count`: what simdjson needs to parse in place.
    let readablePadding: Int
    let count: Int
    private let base: UnsafeRawPointer?
    private let mappedLength: Int
    private var array: [UInt8]?
    private let lock = NSLock()

    /// Files smaller than this are read into an array: mapping costs more than it saves.
    static let mappingThreshold = 1 << 20

    init(_ bytes: [UInt8]) {
        count = bytes.count
        readablePadding = bytes.capacity - bytes.count
        base = nil
        mappedLength = 0
        array = bytes
    }

    private init(mapped base: UnsafeRawPointer, count: Int, mappedLength: Int) {
        self.base = base
        self.count = count
        self.mappedLength = mappedLength
        readablePadding = mappedLength - count
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
    }

    /// Maps or reads the file at `path`.
    static func read(_ path: String) throws(FileIO.Failure) -> FileContents {
        let size = PaddedFile.size(path)
        if size >= mappingThreshold, let mapped = map(path, size) { return mapped }
        return FileContents(try PaddedFile.read(path))
    }

    private static func map(_ path: String, _ size: Int) -> FileContents? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == size else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Whole pages: the bytes after the end, up to the page boundary, read as zeros.
        let length = (size + page - 1) / page * page
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), pointer != MAP_FAILED else { return nil }
        // Two calls: advice values are not flags (OR-ing them gives WILLNEED alone).
        madvise(pointer, length, MADV_SEQUENTIAL)
        madvise(pointer, length, MADV_WILLNEED)
        return FileContents(mapped: UnsafeRawPointer(pointer), count: size, mappedLength: length)
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let base { return try body(UnsafeRawBufferPointer(start: base, count: count)) }
        return try array!.withUnsafeBytes(body)
    }

    /// The bytes as an array (made once, on first use, for a mapped file).
    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let array { return array }
        let made = withUnsafeBytes { Array($0) }
        array = made
        return made
    }
}
