#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads for the loader: like `FileIO.readAll`, but the array keeps at least
/// `SimdjsonParser.padding` bytes of spare capacity after the content, so simdjson can read
/// its last document in place instead of copying the file.
enum PaddedFile {
    static func read(_ path: String) throws(FileIO.Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIO.Failure(operation: "opening", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileIO.Failure(operation: "reading", path: path, code: errno) }
        let padding = SimdjsonParser.padding
        var bytes: [UInt8] = []
        // One byte more than the size, so that reaching it shows the file grew meanwhile.
        var room = max(Int(info.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: room + padding) { buffer, count in
                if !old.isEmpty { _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<old.count]).initialize(from: old) }
                count = old.count
                let end = buffer.count - padding
                while count < end {
                    let n = systemRead(fd, buffer.baseAddress! + count, end - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { return }
                    count += n
                }
            }
            if failure != 0 { throw FileIO.Failure(operation: "reading", path: path, code: failure) }
            if bytes.count < room { return bytes }
            room *= 2
        }
    }

    /// The size of the file at `path` in bytes (0 when it cannot be read: reading will say why).
    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// `read(2)`, named apart from `PaddedFile.read`.
@inline(__always) private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
