import CCrypt
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The two libxcrypt calls clinic-plan needs, with their buffers. The only file that imports
/// CCrypt: nothing C-typed leaves it.
enum CryptLibrary {
    /// libxcrypt takes passphrases of at most this many bytes.
    static let maxPassphraseBytes = Int(CRYPT_MAX_PASSPHRASE_SIZE) - 1

    /// `crypt_rn(phrase, setting)`: the full hash string, or nil when libxcrypt fails (unknown or
    /// malformed setting). A stored hash is its own setting, so verifying is hashing again.
    static func hash(_ phrase: String, setting: String) -> String? {
        let workspace = CryptWorkspace()
        return phrase.withCString { phrasePointer in
            setting.withCString { settingPointer in
                guard let result = crypt_rn(phrasePointer, settingPointer, workspace.data,
                                            Int32(MemoryLayout<crypt_data>.size)) else { return nil }
                let text = String(cString: result)
                // Failure tokens start with "*" ("*0", "*1"), never with "$".
                return text.hasPrefix("*") ? nil : text
            }
        }
    }

    /// `crypt_gensalt_rn(prefix, count, rbytes, nrbytes)`: a new setting whose salt comes from
    /// `randomBytes` when given (the generator's deterministic salts), else fresh from the
    /// operating system's random source.
    static func makeSetting(prefix: String, count: Int, randomBytes: [UInt8]? = nil) throws(PasswordHashError) -> String {
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let made = prefix.withCString { prefixPointer in
            output.withUnsafeMutableBufferPointer { buffer in
                if let randomBytes {
                    return randomBytes.withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { chars in
                            crypt_gensalt_rn(prefixPointer, UInt(count), chars.baseAddress, Int32(chars.count),
                                             buffer.baseAddress, Int32(buffer.count)) != nil
                        }
                    }
                }
                return crypt_gensalt_rn(prefixPointer, UInt(count), nil, 0, buffer.baseAddress, Int32(buffer.count)) != nil
            }
        }
        guard made else {
            throw PasswordHashError(.cryptFailed, "libxcrypt could not make a \(prefix) salt with cost \(count): "
                                    + String(cString: strerror(errno)))
        }
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// The scratch space of one `crypt_rn` call (`struct crypt_data`, about 32 KiB: too big for the
/// stack of a secondary thread), zeroed as libxcrypt asks and wiped again when freed so that no
/// passphrase is left in memory.
final class CryptWorkspace {
    let data: UnsafeMutableRawPointer
    private let size = MemoryLayout<crypt_data>.size

    init() {
        data = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
    }

    deinit {
        explicit_bzero(data, size)
        data.deallocate()
    }
}
